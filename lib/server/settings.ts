import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * The stored settings values as JSON text, as a scalar subquery: for a raw statement that reads
 * the settings in force alongside its other facts (no statement of their own). Read the column
 * back with settingsFromText.
 */
export const SETTINGS_TEXT = Prisma.sql`(SELECT app_settings_row.values::text FROM app_settings app_settings_row WHERE app_settings_row.id = 1)`;

/** A SETTINGS_TEXT column (null: no row) → the settings in force. */
export function settingsFromText(text: string | null | undefined): TAppSettings {
  return settingsFromValues(text ? JSON.parse(text) : null);
}
