import { DEFAULT_WEIGHTS } from "@/lib/warmup/weights";
import type { InteractionKind } from "@/lib/warmup/types";
import { commentBody, kudosBody, memberName } from "./content";
import { Layout, type SeedOptions } from "./layout";
import { DAY, HOUR } from "@/lib/warmup/time";
import { Rng, Zipf, hashUnit } from "./rng";
import { RequestLedger } from "./ledger";
import { dateOnly, ts } from "./sql-writer";
import type { Writers } from "./tables";

/** Posts are spread over the 400 days before now; every member's first post opens that span. */
const POST_SPAN = 400 * DAY;

const LOGGED: Partial<Record<InteractionKind, readonly string[]>> = {
  logged_reply: ["reply", "comment"],
  logged_mention: ["mention", "share", "other"],
  logged_met: ["met_in_person"],
};
const ONLINE = ["x", "linkedin", "mastodon", "bluesky", "github", "blog"] as const;

/**
 * Shared state of one seed run and the one way interactions are written: each interaction
 * comes with the content it hangs on (a real comment row on one of the target's posts, a
 * kudos row, a logged_interaction row) and the notification the app would have sent, with
 * the same source_key formats as the services (comment:<id>, kudos:<id>, logged:<id>).
 * Reactions, mentions and shares point at a real post but have no reaction/share row (a
 * member may react once per post; the seed does not track that): their key is seed:<id>.
 * `keep`: never deleted later (the comments a stored request's snapshot relies on).
 */
export class SeedContext {
  readonly layout: Layout;
  readonly rng: Rng;
  readonly zipf: Zipf;
  /** first post number of member i is postStart[i]; member i wrote postStart[i + 1] − postStart[i] posts */
  postStart: Int32Array = new Int32Array(0);
  readonly ledger: RequestLedger;
  readonly seq = { interaction: 0, comment: 0, kudos: 0, logged: 0, request: 0, notification: 0 };
  /** interactions written per purpose, for the summary */
  readonly tally: Record<string, number> = {};

  constructor(
    readonly o: SeedOptions,
    readonly w: Writers["w"],
  ) {
    this.layout = new Layout(o);
    this.rng = new Rng(o.seed);
    this.zipf = new Zipf(this.layout.poolSize);
    this.ledger = new RequestLedger(o.members);
  }

  get now() {
    return this.o.now;
  }

  id = (i: number) => this.layout.memberId(i);
  ref = (i: number) => ({ handle: this.layout.handle(i), name: memberName(i) });

  postsStartAt = () => this.o.now - POST_SPAN;

  /** When post j of a member with k posts was written: evenly over the span, a little jitter after the first. */
  postCreatedAt(i: number, j: number, k: number): number {
    return this.postsStartAt() + Math.floor((j * POST_SPAN) / k) + (j === 0 ? 0 : Math.floor(hashUnit(this.o.seed, 21, i, j) * HOUR));
  }

  /** One of member i's posts written before `at` (the first post predates every interaction). */
  postBefore(i: number, at: number): string {
    const first = this.postStart[i];
    const k = this.postStart[i + 1] - first;
    const latest = Math.min(k - 1, Math.floor(((at - this.postsStartAt()) * k) / POST_SPAN) - 1);
    const j = latest > 0 ? this.rng.int(latest + 1) : 0;
    return Layout.id("p", first + j);
  }

  async notify(member: number, type: string, data: Record<string, unknown>, at: number): Promise<void> {
    const id = Layout.id("n", this.seq.notification++);
    // Older than a week: read, as an active member would have.
    const readAt = this.o.now - at > 7 * DAY ? at + DAY : null;
    await this.w.notification.push([id, this.id(member), type, JSON.stringify(data), ts(at), ts(readAt)]);
  }

  /** Writes one interaction actor → target at `at` with its content; returns the interaction id. */
  async interaction(
    actor: number,
    target: number,
    kind: InteractionKind,
    at: number,
    purpose: string,
    opts: { keep?: boolean } = {},
  ): Promise<string> {
    const id = Layout.id("i", this.seq.interaction++);
    const actorId = this.id(actor);
    const targetId = this.id(target);
    let source = "observed";
    let verification = "verified";
    let sourceKey = `seed:${id}`;
    let postId: string | null = null;
    let commentId: string | null = null;
    let kudosId: string | null = null;
    let loggedId: string | null = null;
    let occurredAt = at;
    let createdAt = at;

    if (kind === "reaction" || kind === "share") {
      postId = this.postBefore(target, at);
    } else if (kind === "mention") {
      postId = this.postBefore(actor, at);
    } else if (kind === "comment") {
      const n = this.seq.comment++;
      commentId = Layout.id("c", n);
      postId = this.postBefore(target, at);
      // A few comments were deleted later: their interaction no longer counts.
      const deleted = !opts.keep && this.rng.chance(0.02) ? Math.min(at + DAY, this.o.now) : null;
      if (deleted) verification = "removed";
      sourceKey = `comment:${commentId}`;
      await this.w.comment.push([commentId, postId, actorId, commentBody(n), ts(at), ts(deleted)]);
    } else if (kind === "kudos") {
      const n = this.seq.kudos++;
      kudosId = Layout.id("k", n);
      sourceKey = `kudos:${kudosId}`;
      await this.w.kudos.push([kudosId, actorId, targetId, kudosBody(n), ts(at)]);
      await this.notify(target, "kudos_received", { kudosId, member: this.ref(actor) }, at);
    } else if (LOGGED[kind]) {
      const n = this.seq.logged++;
      loggedId = Layout.id("l", n);
      source = "logged";
      const platform = this.rng.chance(0.15) ? "event" : this.rng.pick(ONLINE);
      const loggedKind = platform === "event" ? "met_in_person" : this.rng.pick(LOGGED[kind]!);
      kind = platform === "event" ? "logged_met" : kind;
      verification = this.rng.weighted({ confirmed: 6, pending: 3, disputed: 1 });
      const day = Math.floor(at / DAY) * DAY;
      occurredAt = Math.min(day + DAY / 2, this.o.now);
      createdAt = Math.min(occurredAt + this.rng.int(48) * HOUR, this.o.now);
      const decidedAt = verification === "pending" ? null : Math.min(createdAt + DAY, this.o.now);
      const evidence = platform === "event" ? null : `https://${platform}.example/${this.layout.handle(actor)}/${n}`;
      sourceKey = `logged:${loggedId}`;
      await this.w.logged_interaction.push([
        loggedId, actorId, targetId, platform, loggedKind, dateOnly(day), evidence, null, verification, ts(createdAt), ts(decidedAt),
      ]);
      if (verification === "pending") {
        await this.notify(target, "logged_pending", { loggedId, byHandle: this.layout.handle(actor), byName: memberName(actor), platform, kind: loggedKind }, createdAt);
      }
    }
    this.tally[purpose] = (this.tally[purpose] ?? 0) + 1;
    await this.w.interaction.push([
      id, actorId, targetId, kind, source, DEFAULT_WEIGHTS[kind], ts(occurredAt), verification, sourceKey,
      postId, commentId, kudosId, loggedId, ts(createdAt),
    ]);
    return id;
  }
}
