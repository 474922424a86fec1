import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { blockedWith } from "@/lib/server/queries/feed";

/**
 * What many parts of one request need, read once per request (React's `cache()`), instead
 * of option bags (`settings`, `blocked`, `db`) handed down through queries. The viewer is
 * cached the same way by `getViewer` / `requireMemberPage` in lib/server/auth/session.ts.
 */

/** The admin-tunable settings in force. */
export const appSettings = cache(async () => getAppSettings(await getDb()));

/** Everyone the viewer blocked or was blocked by (empty when signed out). */
export const viewerBlocks = cache(async (viewerId: string | null) => blockedWith(await getDb(), viewerId));
