"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SETTINGS_FIELDS, settingsLabel, type SettingsField } from "@/lib/validation/admin";
import type { FormAction } from "@/lib/server/action-result";

const SECTIONS: { key: string; title: string; hint: string }[] = [
  { key: "weights", title: "Interaction weights", hint: "Points per kind. Each interaction keeps the weight it was recorded with; changes apply from now on." },
  { key: "presets", title: "Preset thresholds", hint: "What each named protocol asks for. Members on “custom” set their own." },
  { key: "requests", title: "Request budgets and cooldowns", hint: "" },
  { key: "content", title: "Content limits", hint: "Per member, over a rolling window." },
  { key: "introductions", title: "Introductions", hint: "" },
  { key: "moderation", title: "Moderation", hint: "" },
];

const PRESETS = ["open", "friendly", "standard", "strict"] as const;
const CRITERIA = ["minPoints", "minInteractions", "minDistinctDays", "minSpanDays", "requireConversation", "requireReciprocity"] as const;
const CRITERIA_TITLES = ["Points", "Interactions", "Distinct days", "Span (days)", "Conversation", "Reciprocity"];

const domId = (path: string) => `s-${path.replace(/\./g, "-")}`;

/** The admin's settings: every field with its bounds, defaults shown as hints. Works without JavaScript. */
export function SettingsForm({
  initial,
  defaults,
  saveSettingsAction,
}: {
  initial: Record<string, string | boolean>;
  defaults: Record<string, string | boolean>;
  saveSettingsAction: FormAction;
}) {
  const [state, action] = useActionState(saveSettingsAction, {});
  const byPath = new Map(SETTINGS_FIELDS.map((f) => [f.path, f]));
  const value = (path: string): string | boolean => {
    if (state.values) {
      const f = byPath.get(path);
      return f?.kind === "boolean" ? state.values[path] === "on" : (state.values[path] ?? "");
    }
    return initial[path] ?? "";
  };
  const err = (path: string) => state.fields?.[path]?.[0];

  const numberInput = (f: Extract<SettingsField, { kind: "number" }>, label: string, compact = false) => (
    <div key={f.path} className={compact ? "" : "space-y-1"}>
      <label htmlFor={domId(f.path)} className={compact ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      <input
        id={domId(f.path)}
        name={f.path}
        type="number"
        inputMode="numeric"
        min={f.min}
        max={f.max}
        step={1}
        required
        className={`input ${compact ? "w-20 px-2 py-1" : "w-32"}`}
        defaultValue={String(value(f.path))}
        aria-invalid={Boolean(err(f.path))}
        aria-describedby={`${domId(f.path)}-hint${err(f.path) ? ` ${domId(f.path)}-error` : ""}`}
      />
      <p id={`${domId(f.path)}-hint`} className={compact ? "sr-only" : "text-xs muted"}>
        {f.min}–{f.max}; default {String(defaults[f.path])}
      </p>
      {err(f.path) ? (
        <p id={`${domId(f.path)}-error`} className="text-xs text-red-700 dark:text-red-400">
          {err(f.path)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form action={action} className="space-y-6" noValidate>
      {SECTIONS.map((s) => (
        <fieldset key={s.key} className="card min-w-0 space-y-3">
          <legend className="px-1 text-lg font-semibold">{s.title}</legend>
          {s.hint ? <p className="text-sm muted">{s.hint}</p> : null}
          {s.key === "presets" ? (
            // `relative`: the inputs' screen-reader labels are absolutely positioned; without a
            // positioned box here they escape the scroll box and widen the page (573 px at 360).
            <div className="relative max-w-full overflow-x-auto">
              <table className="text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="p-1 text-left">Preset</th>
                    {CRITERIA_TITLES.map((t) => (
                      <th key={t} scope="col" className="p-1 text-left font-medium">
                        {t}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {PRESETS.map((p) => (
                    <tr key={p}>
                      <th scope="row" className="p-1 text-left capitalize">
                        {p}
                      </th>
                      {CRITERIA.map((c) => {
                        const f = byPath.get(`presets.${p}.${c}`)!;
                        return (
                          <td key={c} className="p-1 align-top">
                            {f.kind === "number" ? (
                              numberInput(f, settingsLabel(f.path), true)
                            ) : (
                              <>
                                <label htmlFor={domId(f.path)} className="sr-only">
                                  {settingsLabel(f.path)}
                                </label>
                                <input id={domId(f.path)} name={f.path} type="checkbox" className="h-4 w-4" defaultChecked={value(f.path) === true} />
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              {Object.keys(state.fields ?? {}).some((k) => k.startsWith("presets.")) ? (
                <ul className="mt-2 text-xs text-red-700 dark:text-red-400">
                  {Object.entries(state.fields ?? {})
                    .filter(([k]) => k.startsWith("presets."))
                    .map(([k, v]) => (
                      <li key={k}>{v[0]}</li>
                    ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {SETTINGS_FIELDS.filter((f) => f.path.startsWith(`${s.key}.`) && f.kind === "number").map((f) =>
                numberInput(f as Extract<SettingsField, { kind: "number" }>, settingsLabel(f.path)),
              )}
            </div>
          )}
        </fieldset>
      ))}
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
