import { SETTINGS_FIELDS } from "@/lib/validation/admin";
import { DEFAULT_APP_SETTINGS, type TAppSettings } from "@/lib/validation/app-settings";
import { PRESET_CRITERIA, resolvePolicy, type NamedPreset } from "@/lib/warmup/policy";
import { AdminNav } from "@/components/admin/admin-nav";
import { SettingsForm } from "@/components/admin/settings-form";
import { saveSettingsAction } from "@/lib/server/actions/admin";
import { requireAdminPage } from "../require-admin-page";
import { loadAdminSettingsPage } from "@/lib/server/loaders/admin";

export const metadata = { title: "Settings · Admin" };

/** Flat "weights.reaction" → value, with each preset's effective criteria (override or built-in). */
function flatten(s: TAppSettings, builtInPresets: boolean): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const f of SETTINGS_FIELDS) {
    const [section, a, b] = f.path.split(".");
    let v: unknown;
    if (section === "presets") {
      const preset = a as NamedPreset;
      const effective = builtInPresets ? PRESET_CRITERIA[preset] : resolvePolicy({ preset }, s.presets as never);
      v = effective[b as keyof typeof effective];
    } else {
      v = (s as unknown as Record<string, Record<string, unknown>>)[section]?.[a];
    }
    out[f.path] = typeof v === "boolean" ? v : String(v ?? "");
  }
  return out;
}

export default async function AdminSettingsPage() {
  await requireAdminPage();
  const { settings } = await loadAdminSettingsPage();
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <AdminNav current="settings" />
      <p className="mb-4 max-w-[65ch] text-sm muted">
        These values apply to every member. Each field shows its allowed range and the default from the product specification.
        Every save is recorded in the audit log.
      </p>
      <SettingsForm initial={flatten(settings, false)} defaults={flatten(DEFAULT_APP_SETTINGS, true)} saveSettingsAction={saveSettingsAction} />
    </div>
  );
}
