import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getViewer } from "@/lib/server/auth/session";
import { systemNow } from "@/lib/server/clock";
import { makeDateFormat, type DateFormat } from "@/lib/dates/format";
import { resolveDatePrefs } from "@/lib/dates/prefs";

/**
 * How this request shows dates, read once per request (React cache()): the signed-in member's
 * time zone and date format (Settings → Account), their browser's language (Accept-Language)
 * when they chose "browser default". Signed out: UTC, in the browser language's format (en-US
 * when none is offered). The preferences ride on the one viewer read: no extra query per page.
 * Relative phrases count from this request's clock.
 */
export const dateFormat = cache(async (): Promise<DateFormat> => {
  const viewer = await getViewer();
  const prefs = resolveDatePrefs(viewer, (await headers()).get("accept-language"));
  return makeDateFormat(prefs, systemNow());
});
