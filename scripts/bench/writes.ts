// The write paths the bench measures besides sending a request: a comment, a reaction, kudos
// and confirming a logged interaction, each as a precomputed sequence of API calls by the
// dataset's warm senders (bench_s*, who hold tokens), rotating so that consecutive calls come
// from different members and, where it matters, never repeat (a repeated reaction is a no-op).
import pg from "pg";
import type { SequenceRequest } from "./stats";

export const WRITE_PATHS = ["comment", "reaction", "kudos", "confirm logged"] as const;
export type WritePath = (typeof WRITE_PATHS)[number];

type Senders = { handle: string; token: string }[];

/** Posts by the recipients of the send rotation (bench_r*): what the senders comment and react on. */
async function targetPosts(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id FROM post p JOIN member m ON m.id = p.author_id
       WHERE m.handle LIKE 'bench\\_r%' AND p.deleted_at IS NULL ORDER BY p.id LIMIT 500`,
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Sequence i: sender i mod S, target (i div S + sender) mod T — every (sender, target) once before any repeats. */
const pick = <T>(list: readonly T[], i: number, s: number, n: number) => list[(s + Math.floor(i / n)) % list.length];

export async function writeSequences(p: {
  origin: string;
  url: string;
  senders: Senders;
  sinks: string[];
  /** how many calls each sequence should hold (a run uses warm-up + measured + reduced-load calls) */
  size: number;
  /** a different slice of the rotation per run, so a second run on the same database does not meet the first's rows */
  offset: number;
  log: (s: string) => void;
}): Promise<Record<WritePath, SequenceRequest[] | string>> {
  const { senders, size, offset } = p;
  const S = senders.length;
  const posts = await targetPosts(p.url);
  const idx = Array.from({ length: size }, (_, k) => k + offset);
  const json = (x: unknown) => JSON.stringify(x);
  const out: Record<WritePath, SequenceRequest[] | string> = {
    comment: posts.length
      ? idx.map((i) => ({
          method: "POST",
          path: `/api/v1/posts/${pick(posts, i, i % S, S)}/comments`,
          token: senders[i % S].token,
          body: json({ body: `Thanks for this — the part about indexes matched what we saw in production (bench ${i}).` }),
        }))
      : "no posts by bench_r* members",
    reaction: posts.length
      ? idx.map((i) => ({
          method: "PUT",
          path: `/api/v1/posts/${pick(posts, i, i % S, S)}/reaction`,
          token: senders[i % S].token,
          body: json({ type: "insightful" }),
        }))
      : "no posts by bench_r* members",
    kudos: idx.map((i) => ({
      method: "POST",
      path: `/api/v1/members/${pick(p.sinks, i, i % S, S)}/kudos`,
      token: senders[i % S].token,
      body: json({ body: `Thank you for the clear write-up on query plans (bench ${i}).` }),
    })),
    "confirm logged": await loggedToConfirm(p),
  };
  return out;
}

/**
 * Pending logged interactions between senders, created through the API (setup, not
 * measured), and the target's confirm call for each. Each confirm works once; the sequence
 * is as long as a run needs.
 */
async function loggedToConfirm(p: { origin: string; senders: Senders; size: number; offset: number; log: (s: string) => void }): Promise<SequenceRequest[] | string> {
  const { senders, size, offset } = p;
  const S = senders.length;
  if (S < 2) return "fewer than two senders";
  const today = new Date().toISOString().slice(0, 10);
  const out: SequenceRequest[] = new Array(size);
  let failed = 0;
  const started = Date.now();
  let next = 0;
  async function worker() {
    for (;;) {
      const k = next++;
      if (k >= size) return;
      const i = k + offset;
      const actor = senders[i % S];
      // Anyone but the actor: offsets 1..S-1 from the actor, one after the other.
      const target = senders[((i % S) + 1 + (Math.floor(i / S) % (S - 1))) % S];
      const res = await fetch(`${p.origin}/api/v1/interactions`, {
        method: "POST",
        headers: { authorization: `Bearer ${actor.token}`, "content-type": "application/json" },
        body: JSON.stringify({ target: target.handle, platform: "x", kind: "reply", occurredOn: today, evidenceUrl: `https://x.example/bench/${i}` }),
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string };
      if (res.status !== 201 || !body.id) {
        failed++;
        continue;
      }
      out[k] = { method: "POST", path: `/api/v1/interactions/${body.id}/confirm`, token: target.token };
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  const ok = out.filter(Boolean);
  p.log(`confirm logged: ${ok.length} pending logs created in ${Math.round((Date.now() - started) / 100) / 10}s (${failed} refused)`);
  return ok.length ? ok : "no logged interaction could be created";
}
