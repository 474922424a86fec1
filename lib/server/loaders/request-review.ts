import "server-only";
import type { Tx } from "@/lib/server/db";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import type { Viewer } from "@/lib/server/auth/viewer";
import { findRequestForViewer } from "@/lib/server/queries/requests";
import { introductionsOf } from "@/lib/server/queries/introductions";
import { requesterRecord } from "@/lib/server/queries/requester-record";
import { findMutualConnections } from "@/lib/server/queries/mutual-connections";
import { loadShownPairHistory } from "@/lib/server/queries/pair-history";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/**
 * Everything the review of one request shows, as one of its two members sees it at `now`
 * (a lapsed request as expired), or null for anyone else. A pure read: nothing is expired,
 * notified or audited here.
 */
export async function requestReviewData(db: Tx, p: { viewer: Pick<Viewer, "id">; requestId: string; now: Date; settings: TAppSettings }) {
  const { viewer, now, settings } = p;
  const req = await findRequestForViewer(db, { viewerId: viewer.id, requestId: p.requestId, now });
  if (!req) return null;
  const other = req.member;
  // The evaluation is always requester → recipient, under the recipient's protocol now.
  const evaluationNow = await evaluatePair(db, { viewerId: req.requester.id, otherId: req.recipient.id, role: "requester", now, settings });
  const [history, mutual, introductions, record] = await Promise.all([
    loadShownPairHistory(db, { viewerId: req.requester.id, otherId: req.recipient.id, now, settings, role: "requester", evaluation: evaluationNow }),
    findMutualConnections(db, { a: viewer.id, b: other.id }),
    introductionsOf(db, { introducedId: req.requester.id, introducedToId: req.recipient.id, viewerId: viewer.id }),
    req.viewerRole === "recipient" ? requesterRecord(db, { memberId: req.requester.id, now }) : null,
  ]);
  return { req, evaluationNow, history: history.items, historyOlderLeftOut: history.olderLeftOut, mutual, introductions, record };
}

/** /requests/[id] */
export async function loadRequestReviewPage(requestId: string) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const db = await getDb();
  const settings = await appSettings();
  const data = await requestReviewData(db, { viewer, requestId, now, settings });
  return data ? { viewer, now, settings, ...data } : null;
}
