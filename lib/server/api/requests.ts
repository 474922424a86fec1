import "server-only";
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { findRequestForViewer } from "@/lib/server/queries/requests";
import { toRequestOut } from "./present/social";

/** A request as the caller (one of its two members) sees it after acting on it. */
export async function loadRequestOut(viewerId: string, requestId: string, now: Date) {
  const r = await findRequestForViewer(await getDb(), { viewerId, requestId, now });
  if (!r) throw notFound("That request");
  return toRequestOut(r);
}
