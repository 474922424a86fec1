import "server-only";
import type { Tx } from "@/lib/server/db";
import { DEFAULT_APP_SETTINGS, ZAppSettings, type TAppSettings } from "@/lib/validation/app-settings";

/** The admin-tunable settings in force (one small row; defaults when absent or partly invalid). */
export async function getAppSettings(db: Tx): Promise<TAppSettings> {
  const row = await db.appSettings.findUnique({ where: { id: 1 }, select: { values: true } });
  return settingsFromValues(row?.values);
}

/** Stored settings values (JSON, or none) → the settings in force: defaults when absent or invalid. */
export function settingsFromValues(values: unknown): TAppSettings {
  if (values == null) return DEFAULT_APP_SETTINGS;
  const parsed = ZAppSettings.safeParse(values);
  return parsed.success ? parsed.data : DEFAULT_APP_SETTINGS;
}
