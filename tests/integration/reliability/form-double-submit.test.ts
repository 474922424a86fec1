import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setViewerForTests } from "@/lib/server/auth/session";
import { loadViewer } from "@/lib/server/auth/viewer";
import { createCommentAction, createPostAction } from "@/lib/server/actions/feed";
import { giveKudosAction } from "@/lib/server/actions/kudos";
import type { ActionState } from "@/lib/server/action-result";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/tests/factories/content";

// Server actions outside Next.js: next/headers and next/cache stubbed, the viewer from the test
// seam (as in tests/integration/security/server-actions.test.ts).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

/**
 * A form sent twice — a double click, or the browser resending after an answer that never
 * arrived — writes once. Forms carry a hidden `submissionKey` made when they are shown
 * (components/ui/submission-key.tsx); the second submission with it gets the first one's
 * result. If this fails, a member who double-clicks "Post" sees their post twice, or their
 * kudos counted twice on someone's profile.
 */
const t = useTestDatabase();

let ana = "";
let benHandle = "";
let anaPost = "";

beforeEach(async () => {
  await t.reset();
  const a = await createMember({ name: "Ana Lima" });
  const b = await createMember({ name: "Ben Okafor" });
  ana = a.id;
  benHandle = b.handle;
  anaPost = (await createPost({ authorId: b.id, body: "What is on your onboarding checklist?" })).id;
  setViewerForTests(await loadViewer(a.id, new Date()));
});
afterEach(() => setViewerForTests(undefined));

const submissionKey = () => crypto.randomBytes(16).toString("hex");
function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

type Case = {
  name: string;
  action: (prev: ActionState, f: FormData) => Promise<ActionState>;
  fields: (text: string) => Record<string, string>;
  stored: (text: string) => Promise<number>;
};
const CASES: Case[] = [
  { name: "a post", action: createPostAction, fields: (body) => ({ body }), stored: (body) => t.db.post.count({ where: { authorId: ana, body } }) },
  { name: "a comment", action: createCommentAction, fields: (body) => ({ postId: anaPost, body }), stored: (body) => t.db.comment.count({ where: { authorId: ana, body } }) },
  { name: "kudos", action: giveKudosAction, fields: (body) => ({ recipientHandle: benHandle, body }), stored: (body) => t.db.kudos.count({ where: { authorId: ana, body } }) },
];

describe.each(CASES)("$name sent twice with one submission key", ({ action, fields, stored }) => {
  it("once after the other (an answer that never arrived): stored once, both answered ok", async () => {
    const values = { ...fields("Thanks for the pairing session today!"), submissionKey: submissionKey() };
    const first = await action({}, form(values));
    const second = await action({}, form(values));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    expect(second.ok, JSON.stringify(second)).toBe(true);
    expect(await stored("Thanks for the pairing session today!")).toBe(1);
  });

  it("at the same time (a double click): stored once, both answered ok", async () => {
    const values = { ...fields("Double-clicked with enthusiasm"), submissionKey: submissionKey() };
    const answers = await Promise.all([action({}, form(values)), action({}, form(values))]);
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    expect(await stored("Double-clicked with enthusiasm")).toBe(1);
  });

  it("edited in between (other values, same key): a new submission, stored as well", async () => {
    const key = submissionKey();
    expect((await action({}, form({ ...fields("First version"), submissionKey: key }))).ok).toBe(true);
    expect((await action({}, form({ ...fields("Second version"), submissionKey: key }))).ok).toBe(true);
    expect([await stored("First version"), await stored("Second version")]).toEqual([1, 1]);
  });

  it("a refusal is not kept: the corrected form with the same key goes through", async () => {
    const key = submissionKey();
    const refused = await action({}, form({ ...fields(""), submissionKey: key }));
    expect(refused.ok).not.toBe(true);
    expect((await action({}, form({ ...fields("Now with words"), submissionKey: key }))).ok).toBe(true);
    expect(await stored("Now with words")).toBe(1);
  });
});
