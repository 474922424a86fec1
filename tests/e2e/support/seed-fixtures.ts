/**
 * E2E fixtures on top of the demo seed: a pair whose earlier day already happened, so the
 * connection journey can finish warming up "today" in the browser. Written through the
 * app's own services with an explicit `now` (yesterday), exactly as if it had happened then.
 * Run by start-server.mjs with `tsx --conditions=react-server`.
 */
import { openDatabase } from "@/lib/db/create-client";
import { setDbForTests } from "@/lib/server/db";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { KNOWN_PASSWORD_HASH } from "@/tests/factories/members";
import { DAY } from "@/lib/warmup/time";

const opened = await openDatabase();
setDbForTests(opened);
try {
  const db = opened.db;
  const now = Date.now();
  const member = (handle: string, name: string, headline: string) =>
    db.member.create({
      data: {
        handle,
        name,
        headline,
        email: `${handle}@e2e.rapport.test`,
        passwordHash: KNOWN_PASSWORD_HASH,
        emailVerifiedAt: new Date(now - 30 * DAY),
        createdAt: new Date(now - 30 * DAY),
        policy: { create: { preset: "standard" } },
      },
    });
  const wanda = await member("wanda", "Wanda Reyes", "Platform engineer");
  const omar = await member("omar", "Omar Haddad", "Head of infrastructure");
  const yesterday = new Date(now - DAY);
  const post = await createPost(db, { authorId: omar.id, input: { body: "What is the one on-call habit you would never give up?" }, now: new Date(now - 2 * DAY) });
  await createComment(db, { authorId: wanda.id, input: { postId: post.id, body: "Writing the handover note before the pager goes quiet — future me always thanks me." }, now: yesterday });
  await createPost(db, { authorId: omar.id, input: { body: "We moved our staging database to nightly restores from production backups. Restores are now tested every day." }, now: new Date(now - 3 * 3600_000) });
  // A member who joined at 23:30 UTC: 15 Jan in UTC, already 16 Jan in Auckland (UTC+13 then).
  // Out of search and suggestions, so other journeys never meet her.
  await db.member.create({
    data: {
      handle: "moana",
      name: "Moana Tuhiwai",
      headline: "Joined near midnight UTC",
      email: "moana@e2e.rapport.test",
      passwordHash: KNOWN_PASSWORD_HASH,
      emailVerifiedAt: new Date("2026-01-15T23:30:00Z"),
      createdAt: new Date("2026-01-15T23:30:00Z"),
      discoverable: false,
      policy: { create: { preset: "standard" } },
    },
  });
  console.log("E2E fixtures: wanda → omar warmed up yesterday (one comment); moana joined 2026-01-15T23:30Z.");
} finally {
  await opened.close();
}
