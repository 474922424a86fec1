import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { DAY } from "@/lib/warmup/time";


type Step =
  | { kudos: [from: string, to: string]; body: string; daysAgo: number }
  | { send: [from: string, to: string]; note: string; daysAgo: number; then?: { accept?: number; decline?: ["not_yet" | "no", number] } };

/**
 * Relationships for the demo, written through the same services the app uses, each at its
 * own moment in the past (explicit `now`), so every request carries a real evaluation
 * snapshot. Ana (the demo admin) ends with: connections to Ben, Dev and Iris; Kai's request
 * waiting for her answer (Iris is a mutual connection); her own request waiting on Emma;
 * Hugo's request declined "not yet"; Lena ready to connect and Jon warming up.
 */
const STEPS: Step[] = [
  { kudos: ["hugo", "ana"], body: "Thanks for the clear answer on hiring for SRE roles — it helped me write a better job post.", daysAgo: 14 },
  { kudos: ["hugo", "ana"], body: "Your thread on on-call fatigue is the best summary I've read this year. Thank you.", daysAgo: 12 },
  { send: ["hugo", "ana"], note: "Your posts on on-call fatigue changed how I brief hiring managers. I'd value staying in touch about SRE hiring.", daysAgo: 11, then: { decline: ["not_yet", 10] } },

  { kudos: ["ben", "ana"], body: "Thanks for reviewing the dashboard mock-ups — the latency chart idea was spot on.", daysAgo: 40 },
  { kudos: ["ben", "ana"], body: "Thank you for the walkthrough of the tracing setup at the meetup.", daysAgo: 38 },
  { send: ["ben", "ana"], note: "We've swapped notes on dashboards twice now — I'd like to keep learning from how you think about observability.", daysAgo: 35, then: { accept: 34 } },

  { send: ["ana", "dev"], note: "Loved your talk on developer onboarding at DevRelCon; I'd like to compare notes on docs for distributed systems.", daysAgo: 30, then: { accept: 29 } },

  { kudos: ["iris", "ana"], body: "Thanks for the careful review of my consensus PR — the test you suggested found a real bug.", daysAgo: 25 },
  { kudos: ["iris", "ana"], body: "Thank you for mentoring at the open-source sprint, it made a difference for newcomers.", daysAgo: 23 },
  { send: ["iris", "ana"], note: "Working with you on the consensus PR was a joy. I'd like to stay connected for future reviews and sprints.", daysAgo: 22, then: { accept: 21 } },

  { kudos: ["ben", "iris"], body: "Thanks for maintaining the icon set — it saved our design team weeks.", daysAgo: 20 },
  { send: ["ben", "iris"], note: "Your icon library is in every mock-up I make. I'd like to connect and send you feedback from real projects.", daysAgo: 20, then: { accept: 19 } },

  { kudos: ["kai", "iris"], body: "Thanks for the quick fix to the date-picker bug, our release went out on time.", daysAgo: 15 },
  { send: ["kai", "iris"], note: "You fixed our date-picker bug in a day — I'd like to connect and help test the next release.", daysAgo: 15, then: { accept: 14 } },

  { kudos: ["kai", "ana"], body: "Thank you for the explanation of backpressure in the streaming thread — it finally clicked.", daysAgo: 6 },
  { kudos: ["kai", "ana"], body: "Thanks for sharing the load-testing checklist; we used it before our launch.", daysAgo: 4 },
  { send: ["kai", "ana"], note: "Your backpressure explanation and the load-testing checklist got our launch through. I'd love to keep learning from you.", daysAgo: 2 },

  { kudos: ["ana", "emma"], body: "Thanks for the notebook on anomaly detection — we adapted it for our alerting.", daysAgo: 9 },
  { kudos: ["ana", "emma"], body: "Thank you for the talk on forecasting capacity, very practical.", daysAgo: 7 },
  { send: ["ana", "emma"], note: "Your anomaly-detection notebook is now part of our alerting. I'd like to connect and share what we learned running it.", daysAgo: 5 },

  { kudos: ["ana", "lena"], body: "Thanks for editing the runbook guide — it reads so much better now.", daysAgo: 1 },
  { kudos: ["ana", "jon"], body: "Thanks for the postmortem template, we adopted it this week.", daysAgo: 3 },
];

export async function seedRequests(db: Db, now: Date): Promise<string> {
  const handles = [...new Set(STEPS.flatMap((s) => ("kudos" in s ? s.kudos : s.send)))];
  const members = await db.member.findMany({ where: { handle: { in: handles } }, select: { id: true, handle: true } });
  const id = new Map(members.map((m) => [m.handle, m.id]));
  if (members.length !== handles.length) return "requests: skipped (demo members missing)";
  const seeded = await db.connectionRequest.count({ where: { requesterId: { in: members.map((m) => m.id) } } });
  if (seeded > 0) return "requests: already seeded";

  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  let sent = 0;
  const skipped: string[] = [];
  for (const step of STEPS) {
    try {
      if ("kudos" in step) {
        await giveKudos(db, { authorId: id.get(step.kudos[0])!, input: { recipientHandle: step.kudos[1], body: step.body }, now: at(step.daysAgo) });
        continue;
      }
      const [from, to] = step.send;
      const result = await sendRequest(db, { requesterId: id.get(from)!, input: { to, note: step.note }, now: at(step.daysAgo) });
      sent++;
      if (result.kind !== "sent") continue;
      if (step.then?.accept !== undefined) await acceptRequest(db, { recipientId: id.get(to)!, requestId: result.requestId, now: at(step.then.accept) });
      if (step.then?.decline) {
        const [reason, daysAgo] = step.then.decline;
        await declineRequest(db, { recipientId: id.get(to)!, requestId: result.requestId, input: { reason }, now: at(daysAgo) });
      }
    } catch (e) {
      // The content seed may already have connected or blocked a pair: keep the rest.
      if (!(e instanceof AppError)) throw e;
      skipped.push(`${"kudos" in step ? `kudos ${step.kudos.join("→")}` : `request ${step.send.join("→")}`}: ${e.code}`);
    }
  }
  return `requests: ${sent} sent${skipped.length ? ` (skipped ${skipped.join("; ")})` : ""}`;
}
