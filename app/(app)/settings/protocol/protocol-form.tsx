"use client";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PreviewTable } from "@/components/protocol/preview-table";
import type { PreviewRow } from "@/lib/server/queries/protocol-preview";
import { previewPolicyAction, savePolicyAction, type PreviewResult } from "@/lib/server/actions/protocol";
import { BOOLEAN_FIELDS, CRITERIA_FIELDS, SETTINGS_FIELDS } from "@/lib/validation/protocol-form";

type Props = {
  initial: Record<string, string>;
  presets: { name: string; title: string; description: string }[];
  bounds: Record<string, { min: number; max: number }>;
  initialDescription: string;
  initialRows: PreviewRow[];
  initialErrors?: Record<string, string[]>;
  /** hints that depend on this community's settings (the points per kind), by field */
  hints?: Partial<Record<string, string>>;
};

export function ProtocolForm({ initial, presets, bounds, initialDescription, initialRows, initialErrors, hints = {} }: Props) {
  const [state, save] = useActionState(savePolicyAction, {});
  const [values, setValues] = useState(initial);
  const [preview, setPreview] = useState<PreviewResult>({ description: initialDescription, rows: initialRows, fields: initialErrors });
  const [previewing, startPreview] = useTransition();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => startPreview(async () => setPreview(await previewPolicyAction(values))), 250);
    return () => clearTimeout(t);
  }, [values]);

  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const custom = values.preset === "custom";
  const errors = { ...(preview.fields ?? {}), ...(state.fields ?? {}) };

  return (
    <form action={save} className="space-y-8">
      <fieldset>
        <legend className="mb-3 text-lg font-semibold">Preset</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {presets.map((p) => (
            <label
              key={p.name}
              className="card flex cursor-pointer gap-3 has-[:checked]:border-orange-600 has-[:checked]:ring-2 has-[:checked]:ring-orange-600/30"
            >
              <input type="radio" name="preset" value={p.name} checked={values.preset === p.name} onChange={() => set("preset", p.name)} className="mt-1 accent-orange-700" />
              <span>
                <span className="block font-medium">{p.title}</span>
                <span className="block text-sm muted">{p.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="card space-y-4" disabled={!custom} aria-describedby="custom-hint">
        <legend className="px-1 text-lg font-semibold">Custom rules</legend>
        <p id="custom-hint" className="text-sm muted">{custom ? "Set each criterion within its bounds." : "Choose “Custom” above to edit these."}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {CRITERIA_FIELDS.map((f) => (
            <NumberField key={f.name} {...f} hint={hints[f.name] ?? f.hint} bounds={bounds[f.name]} value={values[f.name]} errors={errors[f.name]} onChange={(v) => set(f.name, v)} />
          ))}
        </div>
        <Check name="requireConversation" label="Require a real conversation (a comment, reply, kudos or meeting)" values={values} set={set} />
        <Check name="requireReciprocity" label="Require that I have interacted with them too" values={values} set={set} />
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">Settings</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {SETTINGS_FIELDS.map((f) => (
            <NumberField key={f.name} {...f} bounds={bounds[f.name]} value={values[f.name]} errors={errors[f.name]} onChange={(v) => set(f.name, v)} />
          ))}
        </div>
        <div className="space-y-1">
          <label htmlFor="f-pendingLoggedCounts" className="block text-sm font-medium">Pending logged interactions count</label>
          <select id="f-pendingLoggedCounts" name="pendingLoggedCounts" className="input max-w-xs" value={values.pendingLoggedCounts} onChange={(e) => set("pendingLoggedCounts", e.target.value)}>
            <option value="half">Half (until I confirm them)</option>
            <option value="full">Fully</option>
            <option value="none">Not at all (until I confirm them)</option>
          </select>
        </div>
        <Check name="allowIntroductions" label="Count introductions by a mutual connection" values={values} set={set} />
      </fieldset>

      <section aria-labelledby="preview-h" className="card space-y-3">
        <h2 id="preview-h" className="text-lg font-semibold">Preview</h2>
        <p className="rounded-lg bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:bg-orange-950/40 dark:text-orange-100" aria-live="polite" data-testid="protocol-description">
          {preview.description}
        </p>
        <p className="text-sm muted" aria-live="polite">
          {previewing ? "Updating preview…" : "How the people warming up to you would be judged under these rules (nothing is saved yet). Days are counted in UTC."}
        </p>
        <PreviewTable rows={preview.rows} />
        <noscript>
          <button type="submit" formMethod="get" formAction="/settings/protocol" className="btn-secondary">Preview these rules</button>
        </noscript>
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Saving…">Save protocol</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

function NumberField(p: { name: string; label: string; hint: string; bounds: { min: number; max: number }; value?: string; errors?: string[]; onChange: (v: string) => void }) {
  const id = `f-${p.name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{p.label}</label>
      <div className="flex items-center gap-3">
        <input type="range" aria-hidden tabIndex={-1} min={p.bounds.min} max={p.bounds.max} value={p.value ?? ""} onChange={(e) => p.onChange(e.target.value)} className="flex-1 accent-orange-700" />
        <input
          id={id}
          name={p.name}
          type="number"
          inputMode="numeric"
          min={p.bounds.min}
          max={p.bounds.max}
          value={p.value ?? ""}
          onChange={(e) => p.onChange(e.target.value)}
          aria-invalid={Boolean(p.errors?.length)}
          aria-describedby={`${id}-hint${p.errors?.length ? ` ${id}-error` : ""}`}
          className="input w-24"
        />
      </div>
      <p id={`${id}-hint`} className="text-xs muted">{p.hint} ({p.bounds.min}–{p.bounds.max})</p>
      {p.errors?.length ? <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">{p.errors[0]}</p> : null}
    </div>
  );
}

function Check({ name, label, values, set }: { name: (typeof BOOLEAN_FIELDS)[number]; label: string; values: Record<string, string>; set: (n: string, v: string) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} checked={values[name] === "true"} onChange={(e) => set(name, e.target.checked ? "true" : "false")} className="mt-0.5 accent-orange-700" />
      {label}
    </label>
  );
}
