import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * In-app notification types. `data` carries ids and handles for rendering; never another
 * member's private fields. Name another member by their handle under a key ending in "handle"
 * (or by their id): that is how erasing an account finds and removes what names them.
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
  | "suspended"
  | "deletion_cancelled"; // signing in kept an account its owner had asked to delete

/** `at`: when it happened (services pass their `now`, so tests and the seed can set the clock). */
export async function notify(
  db: Tx,
  memberId: string,
  type: NotificationType,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db.notification.create({ data: { memberId, type, data: data as object, createdAt: at } });
}

export async function notifyMany(
  db: Tx,
  rows: { memberId: string; type: NotificationType; data: Record<string, unknown>; at: Date }[],
) {
  if (rows.length) {
    await db.notification.createMany({
      data: rows.map(({ at, ...r }) => ({ ...r, data: r.data as object, createdAt: at })),
    });
  }
}
