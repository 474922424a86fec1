import { SettingsNav } from "@/components/layout/settings-nav";
import { describePolicy } from "@/lib/warmup/describe";
import { POLICY_BOUNDS, resolvePolicy } from "@/lib/warmup/policy";
import type { Policy, PresetName } from "@/lib/warmup/types";
import { ProtocolForm } from "./protocol-form";
import { pointsHint, protocolFormObject } from "@/lib/validation/protocol-form";
import { loadProtocolSettingsPage } from "@/lib/server/loaders/settings-protocol";

export const metadata = { title: "My protocol" };

const PRESET_TITLES: Record<PresetName, string> = {
  open: "Open",
  friendly: "Friendly",
  standard: "Standard",
  strict: "Strict",
  closed: "Closed",
  custom: "Custom",
};

function asStrings(p: Policy): Record<string, string> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

export default async function ProtocolPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // Without JavaScript, "Preview these rules" submits the draft here as a query string.
  const query = await searchParams;
  const { settings, current, draft, errors, rows } = await loadProtocolSettingsPage({ draft: query.preset ? protocolFormObject(query) : null });
  const initial = asStrings(query.preset ? draft : current);
  const presets = (Object.keys(PRESET_TITLES) as PresetName[]).map((name) => ({
    name,
    title: PRESET_TITLES[name],
    description: name === "custom" ? "Set each rule yourself." : describePolicy(resolvePolicy({ preset: name }, settings.presets as never)),
  }));
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="protocol" />
      <p className="mb-6 max-w-[65ch] muted">
        Your protocol is what people must do before they can ask you to connect. It is shown on your profile, so nobody is
        surprised. Currently: <strong className="text-stone-900 dark:text-stone-100">{describePolicy(current)}</strong>
      </p>
      <ProtocolForm
        initial={initial}
        presets={presets}
        bounds={POLICY_BOUNDS}
        initialDescription={describePolicy(draft)}
        initialRows={rows}
        initialErrors={errors}
        hints={{ minPoints: pointsHint(settings.weights) }}
      />
    </div>
  );
}
