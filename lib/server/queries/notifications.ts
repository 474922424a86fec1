import "server-only";
import type { Tx } from "@/lib/server/db";
import { formatDate as utcDate } from "@/lib/warmup/format-date";
import { NOTIFICATIONS_PER_PAGE } from "@/lib/validation/notification";
import { cursorArgs, cutPage } from "./cursor-page";

export type NotificationItem = {
  id: string;
  type: string;
  /** one plain sentence */
  text: string;
  /** where it leads */
  href: string;
  createdAt: Date;
  read: boolean;
  /** when it was read (null while unread) */
  readAt: Date | null;
};

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** The other member a notification is about, whichever shape its producer used. */
function who(d: Data): { name: string; handle?: string } {
  const m = (d.member ?? {}) as Data;
  const handle = str(m.handle) ?? str(d.byHandle) ?? str(d.handle);
  const name = str(m.name) ?? str(d.byName) ?? str(d.name) ?? (handle ? `@${handle}` : "Someone");
  return { name, handle };
}

const first = (name: string) => name.split(" ")[0];

/** Each notification type in plain words, with the page it leads to. Unknown types still read sensibly. */
/** `formatDate`: the reader's date format (lib/server/loaders/date-format.ts); UTC words for API clients. */
export function describeNotification(
  type: string,
  data: unknown,
  selfHandle?: string,
  formatDate: (d: Date | string) => string = utcDate,
): { text: string; href: string } {
  const d = (data && typeof data === "object" ? data : {}) as Data;
  const m = who(d);
  const profile = m.handle ? `/u/${m.handle}` : "/";
  const requestHref = str(d.requestId) ? `/requests/${str(d.requestId)}` : "/requests";
  switch (type) {
    case "request_received":
      return { text: `${m.name} asked to connect with you.`, href: requestHref };
    case "request_accepted":
      if (d.answeredTheirs) return { text: `You and ${m.name} are now connected — ${first(m.name)} had already asked you.`, href: profile };
      if (d.mutual) return { text: `You and ${m.name} are now connected — you had both asked.`, href: profile };
      return { text: `${m.name} accepted your request. You're connected now.`, href: profile };
    case "request_declined": {
      const until = str(d.cooldownUntil);
      const when = until ? ` You can ask again after ${formatDate(until)}.` : "";
      const text =
        d.reason === "no"
          ? `${m.name} declined your request.${when}`
          : `${m.name} said “not yet” — keep warming up.${when}`;
      return { text, href: profile };
    }
    case "request_expired":
      return { text: `Your request to ${m.name} expired without an answer. You can ask again whenever you like.`, href: profile };
    case "became_warm":
      return { text: `You're warmed up with ${m.name} — you can send a connection request.`, href: profile };
    case "logged_pending":
      return typeof d.count === "number" && d.count > 1
        ? { text: `${m.name} logged ${d.count} interactions with you. Please confirm or dispute them.`, href: "/interactions" }
        : { text: `${m.name} logged an interaction with you. Please confirm or dispute it.`, href: "/interactions" };
    case "kudos_received":
      return {
        text: `${m.name} gave you kudos.`,
        href: selfHandle ? `/u/${selfHandle}${str(d.kudosId) ? `#kudos-${str(d.kudosId)}` : ""}` : "/",
      };
    case "mentioned":
      return { text: `${m.name} mentioned you.`, href: str(d.postId) ? `/feed/p/${str(d.postId)}${str(d.commentId) ? `#c-${str(d.commentId)}` : ""}` : "/feed" };
    case "introduced":
      return { text: str(d.message) ?? `${m.name} made an introduction.`, href: profile };
    case "suspended":
      return { text: "Your account was suspended.", href: "/suspended" };
    case "deletion_cancelled":
      return { text: "You signed in, so your account will not be deleted. Everything stays as it was.", href: "/settings/account" };
    default:
      return { text: str(d.message) ?? "Something happened on Rapport.", href: "/" };
  }
}


/** Newest first, by cursor (the last id of the previous page). */
export async function listNotifications(
  db: Tx,
  p: { memberId: string; cursor?: string | null; take?: number; selfHandle?: string; countUnread?: boolean; formatDate?: (d: Date | string) => string },
): Promise<{ items: NotificationItem[]; nextCursor: string | null; unread: number }> {
  const { memberId } = p;
  const take = p.take ?? NOTIFICATIONS_PER_PAGE;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { memberId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...cursorArgs(take, p.cursor),
      select: { id: true, type: true, data: true, createdAt: true, readAt: true },
    }),
    // The header counts them on every page already; a list beside it can skip it.
    p.countUnread === false ? Promise.resolve(0) : db.notification.count({ where: { memberId, readAt: null } }),
  ]);
  const { page, nextCursor } = cutPage(rows, take);
  return {
    items: page.map((n) => {
      const { text, href } = describeNotification(n.type, n.data, p.selfHandle, p.formatDate);
      return {
        id: n.id,
        type: n.type,
        text,
        href,
        createdAt: n.createdAt,
        read: n.readAt !== null,
        readAt: n.readAt,
      };
    }),
    nextCursor,
    unread,
  };
}
