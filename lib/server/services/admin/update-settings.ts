import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { parseAppSettings } from "@/lib/validation/admin";
import type { TAppSettings, TAppSettingsPatch } from "@/lib/validation/app-settings";
import { PRESET_CRITERIA, type NamedPreset } from "@/lib/warmup/policy";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { assertAdmin } from "./assert-admin";
import { policyFromRow } from "@/lib/server/queries/policy";
import { markSummariesStale } from "@/lib/server/services/summaries/mark-stale";
import { PRESETS } from "@/lib/warmup/types";

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every named preset as it is in force (override or built-in), so a partial override keeps the rest. */
function withEffectivePresets(s: TAppSettings): TAppSettings {
  const presets = Object.fromEntries(
    (Object.keys(PRESET_CRITERIA) as NamedPreset[]).map((name) => [name, { ...PRESET_CRITERIA[name], ...s.presets[name] }]),
  );
  return { ...s, presets };
}

/** Leaves out preset overrides that equal the built-in preset, so later changes to the spec's presets still apply. */
function withoutDefaultPresets(s: TAppSettings): TAppSettings {
  const presets: TAppSettings["presets"] = {};
  for (const [name, override] of Object.entries(s.presets) as [NamedPreset, TAppSettings["presets"][NamedPreset]][]) {
    if (!override) continue;
    const base = PRESET_CRITERIA[name];
    const same = (Object.keys(base) as (keyof typeof base)[]).every((k) => base[k] === override[k]);
    if (!same) presets[name] = override;
  }
  return { ...s, presets };
}

/** "weights.comment": 3 → 4, for the audit trail. */
function changes(before: unknown, after: unknown, path = ""): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  if (isObj(before) || isObj(after)) {
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) Object.assign(out, changes(b[k], a[k], path ? `${path}.${k}` : k));
  } else if (before !== after) out[path] = { from: before ?? null, to: after ?? null };
  return out;
}

/** `patch` over `base`, object by object: what the patch leaves out keeps its current value. */
function merge(base: unknown, patch: unknown): unknown {
  if (!isObj(base) || !isObj(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out;
}

/**
 * Saves the admin-tunable settings (row id 1). The input may be partial: what it leaves out
 * keeps its current value (the form sends every field; an API client may send one). They
 * apply from the next write on: each interaction keeps the weight it was stored with, so
 * history does not shift under anyone.
 */
export async function updateAppSettings(db: Db, { adminId, input, now }: { adminId: string; input: TAppSettingsPatch; now: Date }): Promise<TAppSettings> {
  if (!isObj(input)) throw new AppError("validation", "Send the settings as an object, e.g. { \"weights\": { \"comment\": 3 } }.");
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, adminId, now);
    const before = await getAppSettings(tx);
    const parsed = parseAppSettings(merge(withEffectivePresets(before), input));
    if (!parsed.ok) {
      const first = Object.values(parsed.fields)[0]?.[0];
      throw new AppError("validation", first ?? "Please check the highlighted settings.", { fields: parsed.fields });
    }
    const next = withoutDefaultPresets(parsed.value);
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, values: next as object, updatedAt: now },
      update: { values: next as object, updatedAt: now },
    });
    // Pairs judged by a preset whose definition changed: evaluated afresh when read, rewritten
    // by the job worker. (Weights only word next steps, at read time: nothing to mark.)
    const changedPresets = PRESETS.filter(
      (preset) => preset !== "custom" && JSON.stringify(policyFromRow({ preset }, before)) !== JSON.stringify(policyFromRow({ preset }, next)),
    );
    await markSummariesStale(tx, { presets: changedPresets });
    await recordAudit(tx, {
      actorId: adminId,
      action: "admin.settings_updated",
      subjectType: "app_settings",
      subjectId: "1",
      data: { changes: changes(before, next) },
      at: now,
    });
    return next;
  });
}
