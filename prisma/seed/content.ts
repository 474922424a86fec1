import type { Db } from "@/lib/db/create-client";
import type { LOGGED_KINDS, LoggedPlatform } from "@/lib/validation/logged-interaction";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { DAY } from "@/lib/warmup/time";

/**
 * A believable three weeks of public conversation, written through the app's own services
 * (so every interaction, notification and limit is real), each at its own moment in the past.
 *
 * What it gives Ana (standard protocol) before the requests seed adds connections:
 * - toward Ben (friendly), Iris (friendly), Emma (standard): warm — a comment; a reply; comments on two days;
 * - toward Chloé (strict), Grace (custom), Jon: warming — some conversation, not yet enough;
 * - toward Hugo and Kai: cold — she has not interacted with them.
 * And toward Ana: Emma and Dev warm; Hugo's burst of likes in one day (capped, one day, no
 * conversation), Ben's kudos and comment on a single day, Kai's pending log, Lena's kudos:
 * warming; Jon's disputed log and Farid: cold. One log waits for Ana's confirmation.
 */

type When = [daysAgo: number, time: string];
type Event =
  | { post: string; by: string; at: When; body: string; share?: string }
  | { comment: string; by: string; on: string; at: When; body: string; replyTo?: string }
  | { react: "like" | "insightful" | "thanks"; by: string; post?: string; comment?: string; at: When }
  | { kudos: string; by: string; at: When; body: string }
  | { log: string; by: string; to: string; at: When; occurredDaysAgo: number; platform: LoggedPlatform; kind: (typeof LOGGED_KINDS)[number]; evidenceUrl?: string; summary: string }
  | { decide: string; by: string; at: When; decision: "confirm" | "dispute" };

const POSTS: Event[] = [
  { post: "a1", by: "ana", at: [20, "08:40"], body: "Spent the morning chasing a 200 ms p99 regression. Culprit: a retry loop that retried on 4xx. Retry on what waiting can fix — timeouts, 503s — never on your own bad request." },
  { post: "b1", by: "ben", at: [19, "09:15"], body: "Design critique tip: start with what the screen is *for*, then ask whether every element earns its place. It keeps feedback about goals instead of taste." },
  { post: "i1", by: "iris", at: [19, "11:02"], body: "Maintainer life: a kind, detailed bug report with a minimal reproduction is the best gift you can give an open-source project." },
  { post: "e1", by: "emma", at: [18, "07:55"], body: "Reminder that a 95% accurate model on a 95/5 class split can be completely useless. Always look at the confusion matrix first." },
  { post: "c1", by: "chloe", at: [17, "16:20"], body: "Running 1:1s for a year with the same three questions: What's energising you? What's draining you? What should I know that I don't? Simple and surprisingly revealing." },
  { post: "d1", by: "dev", at: [16, "10:00"], body: "New post: ten things I wish every API changelog did → https://example.dev/blog/changelogs\n\nShout-out to @ana for the idea of putting migration notes first." },
  { post: "f1", by: "farid", at: [15, "06:30"], body: "PSA: rotate the tokens you pasted into that CI log three years ago. Yes, that one." },
  { post: "g1", by: "grace", at: [15, "13:45"], body: "Month 14 of running a tiny SaaS: revenue covers costs, and I finally took a week off. Boring milestones are the best ones." },
  { post: "c2", by: "chloe", at: [14, "08:10"], body: "We stopped estimating in points and started slicing work until every ticket fits in two days. Forecasts got better and planning got shorter." },
  { post: "j1", by: "jon", at: [14, "21:30"], body: "On-call tip: every alert must be actionable. If the runbook says 'wait and see', delete the alert." },
  { post: "a2", by: "ana", at: [13, "09:05"], body: "We moved our job queue from Redis to Postgres (SELECT … FOR UPDATE SKIP LOCKED). Fewer moving parts, transactional enqueue, and one less thing to page someone at 3am. Happy to share the migration notes if useful." },
  { post: "e2", by: "emma", at: [12, "14:00"], body: "Shipped our first feature store to production. The hardest part wasn't the tech, it was agreeing on what 'active user' means." },
  { post: "d2", by: "dev", at: [11, "12:30"], body: "Live-coding a Postgres-backed job queue on Thursday. Bring questions, bring edge cases." },
  { post: "l1", by: "lena", at: [11, "15:10"], body: "Docs tip: write the error message first, then the docs page that explains it. People meet the error long before they meet your docs." },
  { post: "h1", by: "hugo", at: [10, "09:00"], body: "Hiring managers: a clear salary range in the job post doubles the reply rate in my experience. Candidates' time matters too." },
  { post: "g2", by: "grace", at: [9, "10:20"], body: "Pricing lesson: we doubled the price of the team plan and sign-ups didn't drop. Charge for the value, not for your nervousness." },
  { post: "b2", by: "ben", at: [9, "17:40"], body: "Finished a round of usability tests on our onboarding. Four of five people missed the 'Skip' link. Small grey text is a polite way of hiding things." },
  { post: "k1", by: "kai", at: [8, "08:25"], body: "CSS container queries have changed how I build components: no more guessing where a card will be placed. cc @ana — your dashboard redesign would love these." },
  { post: "i2", by: "iris", at: [8, "19:00"], body: "We just released v3.0 of our parser library — 40% faster, and finally with proper error messages. Thanks to everyone who contributed! https://github.com/example/parser/releases" },
  { post: "f2", by: "farid", at: [7, "07:45"], body: "Wrote up a responsible-disclosure timeline template. Vendors: please reply within 7 days, even if it's just 'received'." },
  { post: "a3", by: "ana", at: [6, "08:00"], body: "Hot take: most 'microservices problems' are really 'we never wrote down who owns what' problems. An ownership map fixed more incidents for us than any tool did." },
  { post: "j2", by: "jon", at: [6, "18:15"], body: "Postmortem culture check: do people volunteer to write them? If not, they probably feel like blame documents." },
  { post: "e3", by: "emma", at: [5, "09:30"], body: "What's your favourite way to explain p-values to non-statisticians? Mine: 'how surprised should we be if nothing were going on'." },
  { post: "s1", by: "ben", at: [5, "12:00"], share: "c2", body: "Works for design too: prototype, test, polish — each its own ticket, none longer than two days." },
  { post: "c3", by: "chloe", at: [4, "10:00"], body: "Hiring: we're looking for a senior backend engineer who enjoys boring, reliable systems. Remote in EU time zones. Reply here or message me." },
  { post: "l2", by: "lena", at: [4, "16:30"], body: "Started a small style guide for our API reference. Rule #1: every example must run as-is." },
  { post: "d3", by: "dev", at: [3, "11:11"], body: "CFP season! If you've never spoken before, a ten-minute lightning talk about one bug you fixed is the perfect first talk." },
  { post: "i3", by: "iris", at: [3, "20:05"], body: "If you want to start contributing to open source: documentation PRs are not 'lesser' contributions. They're often the most used ones." },
  { post: "a4", by: "ana", at: [2, "07:30"], body: "Weekend reading: https://aphyr.com/posts/313-strong-consistency-models — still the clearest explanation of consistency models I know. Thanks @iris for the recommendation!" },
  { post: "g3", by: "grace", at: [2, "09:50"], body: "Looking for recommendations: lightweight, self-hostable error tracking for a two-person team?" },
  { post: "h2", by: "hugo", at: [2, "10:00"], body: "I have several exciting opportunities for talented engineers! Let's connect!" },
  { post: "k2", by: "kai", at: [2, "14:20"], body: "Accessibility quick win: make sure every icon-only button has an accessible name. Screen-reader users will thank you." },
  { post: "s2", by: "hugo", at: [2, "10:30"], share: "a2", body: "Great insights! Anyone interested in Postgres roles, message me." },
  { post: "b3", by: "ben", at: [1, "08:45"], body: "Dark mode is not inverting colours. Shadows stop working, saturated colours vibrate, and your greys need a whole new scale." },
];

const CONVERSATIONS: Event[] = [
  { comment: "ia1", by: "iris", on: "a1", at: [19, "12:10"], body: "The 4xx retry trap has bitten us too. Do you cap retries per request or globally?" },
  { comment: "ai1", by: "ana", on: "a1", replyTo: "ia1", at: [19, "13:00"], body: "Per request, with a retry budget per client. A global cap just moves the outage somewhere else." },
  { comment: "ab1", by: "ana", on: "b1", at: [19, "10:02"], body: "Stealing this for our architecture reviews: 'what is this service for?' first." },
  { comment: "je1", by: "jon", on: "e1", at: [18, "09:20"], body: "Precision and recall saved us from shipping a very confident coin flip." },
  { comment: "lc1", by: "lena", on: "c1", at: [17, "17:00"], body: "Stealing the third question." },
  { comment: "ec1", by: "emma", on: "c1", at: [17, "18:30"], body: "We added 'what should we stop doing?' — it's been great." },
  { comment: "ad1", by: "ana", on: "d1", at: [16, "11:30"], body: "Thanks Dev! Migration notes first has saved us so many support tickets." },
  { comment: "ag1", by: "ana", on: "g1", at: [15, "15:00"], body: "Congratulations, Grace — taking the week off is the real milestone." },
  { comment: "jf1", by: "jon", on: "f1", at: [15, "08:00"], body: "Rotated. Thanks for the nudge." },
  { comment: "ac2", by: "ana", on: "c2", at: [14, "09:00"], body: "How do you handle work that really can't be sliced, like a database migration?" },
  { comment: "ca2", by: "chloe", on: "c2", replyTo: "ac2", at: [14, "10:15"], body: "We slice by risk instead: dry run, shadow writes, cut-over. Each one is its own ticket." },
  { comment: "kj1", by: "kai", on: "j1", at: [14, "22:00"], body: "And every alert needs an owner. Orphan alerts are how pager fatigue starts." },
  { comment: "ea2", by: "emma", on: "a2", at: [12, "09:40"], body: "We did the same last year — SKIP LOCKED is a gem. Did you keep Redis for anything?" },
  { comment: "ae2", by: "ana", on: "a2", replyTo: "ea2", at: [12, "10:05"], body: "Only for rate limiting, and even that could go." },
  { comment: "da2", by: "dev", on: "a2", at: [11, "09:00"], body: "Would love those migration notes — could I feature them in Thursday's stream?" },
  { comment: "ld2", by: "lena", on: "d2", at: [11, "13:00"], body: "Will there be a recording?" },
  { comment: "dl2", by: "dev", on: "d2", replyTo: "ld2", at: [11, "13:20"], body: "Yes — the link goes in the description afterwards." },
  { comment: "il1", by: "iris", on: "l1", at: [11, "16:00"], body: "Yes! And put the error code in the URL of the docs page." },
  { comment: "ch1", by: "chloe", on: "h1", at: [10, "10:30"], body: "Agreed. We publish ranges for every role." },
  { comment: "ag2", by: "ana", on: "g2", at: [9, "11:00"], body: "Did you grandfather existing customers?" },
  { comment: "ga2", by: "grace", on: "g2", replyTo: "ag2", at: [9, "11:45"], body: "Yes, for a year. Nobody complained." },
  { comment: "kb2", by: "kai", on: "b2", at: [9, "18:30"], body: "Same finding here. We turned 'Skip' into a secondary button and completion went up." },
  { comment: "bi2", by: "ben", on: "i2", at: [8, "19:30"], body: "Congrats on the release! The new error messages are lovely." },
  { comment: "ji2", by: "jon", on: "i2", at: [8, "20:00"], body: "40%! What changed?" },
  { comment: "ij2", by: "iris", on: "i2", replyTo: "ji2", at: [8, "20:40"], body: "Mostly fewer allocations in the tokenizer, and a smarter lookahead." },
  { comment: "ia3", by: "iris", on: "a3", at: [6, "09:10"], body: "Ownership maps are underrated. We keep ours in the repo, right next to CODEOWNERS." },
  { comment: "ae3", by: "ana", on: "e3", at: [5, "10:00"], body: "Mine: 'the chance of data at least this weird if the boring explanation were true'." },
  { comment: "ac3", by: "ana", on: "c3", at: [4, "11:00"], body: "Sharing this with a couple of people who'd be a great fit." },
  { comment: "ea3", by: "emma", on: "a3", at: [4, "12:00"], body: "Writing this on a sticky note for our next planning session." },
  { comment: "fg3", by: "farid", on: "g3", at: [2, "11:00"], body: "Self-hosted Sentry is heavy for two people; have a look at GlitchTip." },
  { comment: "lk2", by: "lena", on: "k2", at: [2, "15:00"], body: "And test with an actual screen reader, not just the automated report." },
  { comment: "ba4", by: "ben", on: "a4", at: [1, "09:30"], body: "Great read, thanks for sharing." },
  { comment: "kb3", by: "kai", on: "b3", at: [1, "10:00"], body: "The greys! Nobody warns you about the greys." },
];

const REACTIONS: Event[] = [
  { react: "like", by: "ana", post: "j1", at: [13, "08:00"] },
  { react: "like", by: "ana", post: "g1", at: [15, "15:05"] },
  { react: "insightful", by: "ana", post: "c1", at: [3, "09:00"] },
  { react: "like", by: "dev", post: "a2", at: [11, "09:05"] },
  { react: "insightful", by: "emma", post: "a1", at: [18, "08:00"] },
  { react: "like", by: "ben", post: "e1", at: [18, "10:00"] },
  { react: "like", by: "jon", post: "f1", at: [15, "08:01"] },
  { react: "insightful", by: "iris", post: "b2", at: [9, "19:00"] },
  { react: "like", by: "kai", post: "l1", at: [11, "17:00"] },
  { react: "like", by: "emma", post: "k1", at: [8, "09:00"] },
  { react: "insightful", by: "dev", post: "i2", at: [8, "21:00"] },
  { react: "insightful", by: "chloe", post: "j2", at: [6, "19:00"] },
  { react: "thanks", by: "lena", post: "i3", at: [3, "21:00"] },
  { react: "like", by: "grace", post: "d3", at: [3, "12:00"] },
  { react: "like", by: "iris", post: "a4", at: [2, "08:00"] },
  { react: "thanks", by: "ana", comment: "ia3", at: [6, "10:00"] },
  { react: "like", by: "chloe", comment: "ac2", at: [14, "10:16"] },
  { react: "like", by: "jon", post: "c2", at: [14, "09:30"] },
  { react: "insightful", by: "kai", post: "b3", at: [1, "09:59"] },
  // Hugo's burst: one day, one click each — capped at Ana's daily limit, and no conversation.
  { react: "like", by: "hugo", post: "a1", at: [2, "10:01"] },
  { react: "like", by: "hugo", post: "a2", at: [2, "10:02"] },
  { react: "insightful", by: "hugo", post: "a3", at: [2, "10:03"] },
  { react: "like", by: "hugo", post: "a4", at: [2, "10:04"] },
  { react: "thanks", by: "hugo", comment: "ac2", at: [2, "10:05"] },
  { react: "like", by: "hugo", comment: "ae2", at: [2, "10:06"] },
  { react: "like", by: "hugo", comment: "ab1", at: [2, "10:07"] },
];

const KUDOS: Event[] = [
  { kudos: "ana", by: "ben", at: [1, "09:35"], body: "Thanks for the thorough architecture review last week — you caught the retry storm before it caught us." },
  { kudos: "ana", by: "lena", at: [10, "12:00"], body: "Your feedback on our API docs made them twice as clear. Thank you!" },
  { kudos: "iris", by: "ana", at: [8, "21:30"], body: "Thank you for maintaining the parser we all depend on, and for being so kind in code review." },
  { kudos: "ben", by: "iris", at: [8, "22:00"], body: "For the lovely new logo you designed for the project — thank you!" },
  { kudos: "farid", by: "jon", at: [7, "09:00"], body: "Thanks for the responsible-disclosure template; we adopted it as-is." },
  { kudos: "chloe", by: "emma", at: [5, "13:00"], body: "Your 1:1 questions changed how I run mine. Thank you for sharing them." },
  { kudos: "lena", by: "dev", at: [4, "18:00"], body: "Thanks for proofreading my talk abstract at midnight." },
  { kudos: "ben", by: "kai", at: [1, "11:00"], body: "Your dark-mode post saved me a week of trial and error." },
];

const LOGS: Event[] = [
  { log: "iris-ana", by: "iris", to: "ana", at: [18, "20:00"], occurredDaysAgo: 18, platform: "event", kind: "met_in_person", summary: "Talked distributed tracing at the Lisbon meetup." },
  { decide: "iris-ana", by: "ana", at: [17, "08:00"], decision: "confirm" },
  { log: "ben-iris", by: "ben", to: "iris", at: [12, "18:00"], occurredDaysAgo: 12, platform: "github", kind: "comment", evidenceUrl: "https://github.com/example/parser/issues/118#issuecomment-2", summary: "Suggested clearer error messages for the parser." },
  { decide: "ben-iris", by: "iris", at: [11, "09:00"], decision: "confirm" },
  { log: "emma-kai", by: "emma", to: "kai", at: [9, "19:00"], occurredDaysAgo: 10, platform: "event", kind: "met_in_person", summary: "Paired on a dashboard prototype at the data meetup." },
  { decide: "emma-kai", by: "kai", at: [8, "10:00"], decision: "confirm" },
  { log: "jon-ana", by: "jon", to: "ana", at: [9, "20:00"], occurredDaysAgo: 9, platform: "github", kind: "comment", evidenceUrl: "https://github.com/example/queue/issues/42#issuecomment-1", summary: "Commented on her queue issue." },
  { decide: "jon-ana", by: "ana", at: [8, "09:30"], decision: "dispute" },
  { log: "ana-lena", by: "ana", to: "lena", at: [6, "20:00"], occurredDaysAgo: 6, platform: "mastodon", kind: "reply", evidenceUrl: "https://mastodon.social/@ana/111222333", summary: "Answered Lena's question about API versioning." },
  { log: "kai-ana", by: "kai", to: "ana", at: [3, "19:00"], occurredDaysAgo: 3, platform: "x", kind: "reply", evidenceUrl: "https://x.com/kai_builds/status/1790000000000000001", summary: "Replied to Ana's thread about ownership maps." },
];


/**
 * Adds the community's posts, conversations, kudos and logs — only to a community without
 * posts. The services write through the app's database, so `db` must be the one installed
 * with setDbForTests (prisma/seed.ts does that).
 */
export async function seedContent(db: Db, now: Date): Promise<string> {
  if ((await db.post.count()) > 0) return "content: already seeded";
  const members = await db.member.findMany({ select: { id: true, handle: true } });
  const idOf = new Map(members.map((m) => [m.handle, m.id]));
  const id = (handle: string) => {
    const v = idOf.get(handle);
    if (!v) throw new Error(`seed content: no member @${handle}`);
    return v;
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = ([daysAgo, time]: When) => {
    const [h, m] = time.split(":").map(Number);
    return new Date(Math.min(today - daysAgo * DAY + (h * 60 + m) * 60_000, now.getTime() - 60_000));
  };
  const day = (daysAgo: number) => new Date(today - daysAgo * DAY).toISOString().slice(0, 10);

  const events = [...POSTS, ...CONVERSATIONS, ...REACTIONS, ...KUDOS, ...LOGS].sort((a, b) => at(a.at).getTime() - at(b.at).getTime());
  const posts = new Map<string, string>();
  const comments = new Map<string, { id: string; postId: string }>();
  const logs = new Map<string, string>();
  const ref = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`seed content: "${key}" is used before it is written`);
    return v;
  };

  for (const e of events) {
    const when = at(e.at);
    if ("react" in e) {
      const input = e.post ? { subject: "post" as const, id: ref(posts, e.post) } : { subject: "comment" as const, id: ref(comments, e.comment!).id };
      await setReaction(db, { memberId: id(e.by), input: { ...input, type: e.react }, now: when });
    } else if ("post" in e) {
      const p = await createPost(db, { authorId: id(e.by), input: { body: e.body, sharedPostId: e.share ? ref(posts, e.share) : undefined }, now: when });
      posts.set(e.post, p.id);
    } else if ("comment" in e) {
      const postId = ref(posts, e.on);
      const c = await createComment(db, { authorId: id(e.by), input: { postId, body: e.body, parentId: e.replyTo ? ref(comments, e.replyTo).id : undefined }, now: when });
      comments.set(e.comment, { id: c.id, postId });
    } else if ("kudos" in e) {
      await giveKudos(db, { authorId: id(e.by), input: { recipientHandle: e.kudos, body: e.body }, now: when });
    } else if ("log" in e) {
      const l = await logInteraction(db, { actorId: id(e.by), input: { targetHandle: e.to, platform: e.platform, kind: e.kind, occurredOn: day(e.occurredDaysAgo), evidenceUrl: e.evidenceUrl, summary: e.summary }, now: when });
      logs.set(e.log, l.id);
    } else {
      await decideLogged(db, { targetId: id(e.by), input: { id: ref(logs, e.decide), decision: e.decision }, now: when });
    }
  }
  const counts = await Promise.all([db.post.count(), db.comment.count(), db.reaction.count(), db.kudos.count(), db.loggedInteraction.count(), db.interaction.count()]);
  return `content: ${counts[0]} posts, ${counts[1]} comments, ${counts[2]} reactions, ${counts[3]} kudos, ${counts[4]} logged, ${counts[5]} interactions`;
}
