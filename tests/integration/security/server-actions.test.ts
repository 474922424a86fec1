import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/server/errors";
import { setViewerForTests } from "@/lib/server/auth/session";
import { loadViewer } from "@/lib/server/auth/viewer";
import { systemNow } from "@/lib/server/clock";
import { useTestDatabase } from "@/tests/support/test-database";
import { tableFingerprint } from "@/tests/support/table-counts";
import { buildWorld, type World } from "./world";

// Server actions outside Next.js: no request scope, so next/headers and next/cache are
// stubbed, and the viewer comes from the test seam in lib/server/auth/session.ts.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const t = useTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * Actions meant for signed-out visitors. Everything else must refuse them. The password-reset
 * and unsubscribe ones are authorised by what they carry (an address that only gets an email;
 * a single-use token; a signed link), tested in tests/integration/email/; the sign-in link
 * ones likewise, tested in tests/integration/security/lockout.test.ts. The passkey and
 * second-step ones are authorised by a WebAuthn signature over a server-issued challenge, or a
 * signed pending sign-in token plus a code (tests/integration/factors/).
 */
const PUBLIC_ACTIONS = new Set([
  "signUpAction",
  "signInAction",
  "signOutAction",
  "forgotPasswordAction",
  "resetPasswordAction",
  "unsubscribeAction",
  "verifyEmailAction",
  "passkeySignInOptionsAction",
  "passkeySignInAction",
  "secondStepAction",
  "cancelSecondStepAction",
  "requestSignInLinkAction",
  "signInWithLinkAction",
]);

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : serverActionFiles(full);
    if (!/\.tsx?$/.test(e.name)) return [];
    const head = fs.readFileSync(full, "utf8").slice(0, 200);
    return /^\s*["']use server["']/.test(head) ? [full] : [];
  });
}

type Action = { file: string; name: string; fn: (...args: unknown[]) => Promise<unknown> };
const actions: Action[] = [];
let world: World;

beforeAll(async () => {
  // Every folder that could hold one, so a server-action file outside lib/server/actions is still attacked.
  const files = ["app", "components", "lib"].flatMap((dir) => serverActionFiles(path.join(ROOT, dir)));
  for (const file of files.sort()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function") actions.push({ file: path.relative(ROOT, file), name, fn: fn as Action["fn"] });
    }
  }
  world = await buildWorld(t.db, new Date());
});
afterEach(() => setViewerForTests(undefined));
afterAll(() => setViewerForTests(undefined));

/** A form that would do real harm to X if the action ran: every id and handle is X's. */
function hostileForm(w: World): FormData {
  const f = new FormData();
  const values: Record<string, string> = {
    id: w.postX, postId: w.postX, commentId: w.commentX, kudosId: w.kudosX, requestId: w.requestYX, tokenId: w.xToken.id,
    loggedId: w.logYX, memberId: w.x.id, reportId: "r1", handle: w.x.handle, to: w.x.handle, targetHandle: w.x.handle,
    recipientHandle: w.x.handle, introducedHandle: w.x.handle, introducedToHandle: w.w.handle,
    body: "hostile", note: "a note long enough to pass the thirty character minimum", decision: "accept", reason: "spam",
    type: "like", subject: "post", subjectType: "post", subjectId: w.postX, preset: "open", name: "x", text: "x",
    platform: "event", kind: "met_in_person", occurredOn: new Date().toISOString().slice(0, 10), action: "accept",
  };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

/** Calls an action the way React would: (prevState, formData) for form-state actions, (formData) otherwise. */
async function invoke(a: Action, form: FormData): Promise<{ returned?: unknown; thrown?: unknown }> {
  try {
    return { returned: await (a.fn.length >= 2 ? a.fn({}, form) : a.fn(form)) };
  } catch (e) {
    return { thrown: e };
  }
}

function refusalCode(r: { returned?: unknown; thrown?: unknown }): string {
  if (r.thrown instanceof AppError) return r.thrown.code;
  const digest = (r.thrown as { digest?: string } | undefined)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
  if (r.thrown) return `threw:${String((r.thrown as Error).message ?? r.thrown).slice(0, 80)}`;
  const state = r.returned as { code?: string; rows?: unknown } | undefined;
  return state?.code ?? `returned:${JSON.stringify(r.returned)?.slice(0, 80)}`;
}

const isAdminFile = (file: string) => path.basename(file) === "admin.ts";
const isVoidButton = (a: Action, code: string) => a.fn.length === 1 && code === "returned:undefined";

describe("every server action refuses a signed-out caller", () => {
  it("finds the action files", () => {
    expect(actions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(actions.map((a) => a.file)).size).toBeGreaterThanOrEqual(12);
  });

  it("keeps every server action in lib/server/actions", () => {
    expect([...new Set(actions.map((a) => a.file))].filter((f) => !f.startsWith(`lib${path.sep}server${path.sep}actions${path.sep}`))).toEqual([]);
  });

  it("as anonymous: unauthenticated (or not found for admin actions), nothing written", async () => {
    setViewerForTests(null);
    const problems: string[] = [];
    for (const a of actions.filter((x) => !PUBLIC_ACTIONS.has(x.name))) {
      const before = await tableFingerprint(t.opened);
      const code = refusalCode(await invoke(a, hostileForm(world)));
      // Fire-and-forget buttons (react, delete) return nothing either way: for them the proof
      // is the unchanged database below.
      const ok =
        code === "unauthenticated" || code.startsWith("redirect:/signin") || (isAdminFile(a.file) && code === "not_found") || isVoidButton(a, code);
      if (!ok) problems.push(`${a.file} ${a.name}: ${code}`);
      expect(await tableFingerprint(t.opened), `${a.file} ${a.name} changed the database`).toEqual(before);
    }
    expect(problems).toEqual([]);
  });

  it("as a suspended member: suspended (or not found for admin actions), nothing written", async () => {
    setViewerForTests(await loadViewer(world.members.suspended.id, systemNow()));
    const problems: string[] = [];
    for (const a of actions.filter((x) => !PUBLIC_ACTIONS.has(x.name))) {
      const before = await tableFingerprint(t.opened);
      const code = refusalCode(await invoke(a, hostileForm(world)));
      const ok = code === "suspended" || code.startsWith("redirect:/suspended") || (isAdminFile(a.file) && code === "not_found") || isVoidButton(a, code);
      if (!ok) problems.push(`${a.file} ${a.name}: ${code}`);
      expect(await tableFingerprint(t.opened), `${a.file} ${a.name} changed the database`).toEqual(before);
    }
    expect(problems).toEqual([]);
  });

  it("admin actions: a member who is not an admin gets not found, nothing written", async () => {
    setViewerForTests(await loadViewer(world.members.other.id, systemNow()));
    const admin = actions.filter((a) => isAdminFile(a.file));
    expect(admin.length).toBeGreaterThanOrEqual(4);
    for (const a of admin) {
      const before = await tableFingerprint(t.opened);
      expect(refusalCode(await invoke(a, hostileForm(world))), `${a.file} ${a.name}`).toBe("not_found");
      expect(await tableFingerprint(t.opened)).toEqual(before);
    }
  });

  it("the public ones are only sign-up, sign-in (password, emailed link, passkey, second step), sign-out, password reset, unsubscribe and email verification", () => {
    expect(actions.filter((a) => PUBLIC_ACTIONS.has(a.name)).map((a) => a.name).sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });
});
