import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * In-app notification types. `data` carries ids and handles for rendering; never another
 * member's private fields.
 */
export type NotificationType =
  | "logged_pending" // someone logged an interaction with me, awaiting my confirmation
  | "kudos_received"
  | "mentioned"
  | "request_received"
  | "request_accepted"
  | "request_declined"
  | "request_expired"
  | "became_warm"
  | "introduced"
  | "suspended";

export async function notify(db: Tx, memberId: string, type: NotificationType, data: Record<string, unknown>): Promise<void> {
  await db.notification.create({ data: { memberId, type, data: data as object } });
}

export async function notifyMany(db: Tx, rows: { memberId: string; type: NotificationType; data: Record<string, unknown> }[]) {
  if (rows.length) await db.notification.createMany({ data: rows.map((r) => ({ ...r, data: r.data as object })) });
}
