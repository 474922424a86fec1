import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { blockedWith } from "@/lib/server/queries/feed";
import { memberCounts } from "@/lib/server/queries/member-counts";
import { systemNow } from "@/lib/server/clock";

/**
 * What many parts of one request need, read once per request (React's `cache()`), instead
 * of option bags (`settings`, `blocked`, `db`) handed down through queries. The viewer is
 * cached the same way by `getViewer` / `requireMemberPage` in lib/server/auth/session.ts.
 */

/** The admin-tunable settings in force. */
export const appSettings = cache(async () => getAppSettings(await getDb()));

/** Everyone the viewer blocked or was blocked by (empty when signed out). */
export const viewerBlocks = cache(async (viewerId: string | null) => blockedWith(await getDb(), viewerId));

/**
 * The member's request and notification counts: the header's badges and the dashboard's
 * "N waiting" read the same single statement.
 */
export const viewerCounts = cache(async (memberId: string) => memberCounts(await getDb(), { memberId, now: systemNow() }));
