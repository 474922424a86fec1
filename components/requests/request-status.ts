import { formatDate } from "@/lib/format";
import type { RequestListItem } from "@/lib/server/queries/requests";

/** A settled request in one plain sentence, from the viewer's side. */
export function requestOutcome(r: RequestListItem): string {
  const first = r.member.name.split(" ")[0];
  const on = r.decidedAt ? ` on ${formatDate(r.decidedAt)}` : "";
  const again = r.cooldownUntil ? ` They can ask again after ${formatDate(r.cooldownUntil)}.` : "";
  const youAgain = r.cooldownUntil ? ` You can ask again after ${formatDate(r.cooldownUntil)}.` : "";
  const mine = r.direction === "outgoing";
  switch (r.status) {
    case "pending":
      return mine ? `Waiting for ${first}'s answer until ${formatDate(r.expiresAt)}.` : `Waiting for your answer until ${formatDate(r.expiresAt)}.`;
    case "accepted":
      return mine ? `${first} accepted${on}. You're connected.` : `You accepted${on}. You're connected.`;
    case "declined":
      if (r.declineReason === "not_yet") return mine ? `${first} said “not yet”${on} — keep warming up.${youAgain}` : `You said “not yet”${on}.${again}`;
      return mine ? `${first} declined${on}.${youAgain}` : `You declined${on}.${again}`;
    case "withdrawn":
      return mine ? `You withdrew it${on}.${youAgain}` : `${first} withdrew it${on}.`;
    case "expired":
      return mine ? `It expired unanswered on ${formatDate(r.expiresAt)}. You may ask again.` : `It expired unanswered on ${formatDate(r.expiresAt)}.`;
    default:
      return r.status;
  }
}
