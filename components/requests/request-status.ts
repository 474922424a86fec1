import type { DateFormat } from "@/lib/dates/format";
import type { RequestListItem } from "@/lib/server/queries/requests";

/** A settled request in one plain sentence, from the viewer's side, dates in the reader's format. */
export function requestOutcome(r: RequestListItem, fmt: DateFormat): string {
  const first = r.member.name.split(" ")[0];
  const on = r.decidedAt ? ` on ${fmt.date(r.decidedAt)}` : "";
  const again = r.cooldownUntil ? ` They can ask again after ${fmt.date(r.cooldownUntil)}.` : "";
  const youAgain = r.cooldownUntil ? ` You can ask again after ${fmt.date(r.cooldownUntil)}.` : "";
  const mine = r.direction === "outgoing";
  switch (r.status) {
    case "pending":
      return mine ? `Waiting for ${first}'s answer until ${fmt.date(r.expiresAt)}.` : `Waiting for your answer until ${fmt.date(r.expiresAt)}.`;
    case "accepted":
      return mine ? `${first} accepted${on}. You're connected.` : `You accepted${on}. You're connected.`;
    case "declined":
      if (r.declineReason === "not_yet") return mine ? `${first} said “not yet”${on} — keep warming up.${youAgain}` : `You said “not yet”${on}.${again}`;
      return mine ? `${first} declined${on}.${youAgain}` : `You declined${on}.${again}`;
    case "withdrawn":
      return mine ? `You withdrew it${on}.${youAgain}` : `${first} withdrew it${on}.`;
    case "expired":
      return mine ? `It expired unanswered on ${fmt.date(r.expiresAt)}. You may ask again.` : `It expired unanswered on ${fmt.date(r.expiresAt)}.`;
    default:
      return r.status;
  }
}
