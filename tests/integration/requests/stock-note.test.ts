import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { createPost, createKudos } from "@/tests/factories/content";
import { KNOWN_PASSWORD, createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { post, tokenFor } from "../api/http";
import { NOW, daysAfter, expectRefused, warmUp } from "./helpers";

const t = useTestDatabase();
beforeEach(() => t.reset());

const STOCK = "Hi Lena! I'd like to add you to my professional network on Rapport.";

async function pair() {
  const ben = await createMember({ name: "Ben Okafor" });
  const lena = await createMember({ name: "Lena Fischer" });
  await warmUp(ben.id, lena.id);
  return { ben, lena };
}

const send = (from: { id: string }, to: { handle: string }, note: string) =>
  sendRequest(t.db, { requesterId: from.id, input: { to: to.handle, note }, now: NOW });

async function nothingWritten() {
  expect(await t.db.connectionRequest.count()).toBe(0);
  expect(await t.db.notification.count({ where: { type: "request_received" } })).toBe(0);
  expect(await t.db.auditEvent.count({ where: { action: "request.sent" } })).toBe(0);
}

describe("a stock note is refused in the send's transaction, with a hint from the pair's history", () => {
  it("names the recipient's post the requester engaged with", async () => {
    const { ben, lena } = await pair();
    const p = await createPost({ authorId: lena.id, body: "Pricing is a conversation, not a number you pick once and forget", createdAt: daysAfter(NOW, -2) });
    await createInteraction({ actorId: ben.id, targetId: lena.id, kind: "reaction", postId: p.id, occurredAt: daysAfter(NOW, -2) });
    const e = await expectRefused(t.db, () => send(ben, lena, STOCK), "validation");
    expect(e.fields?.note?.[0]).toBe(
      "Your note reads like a stock invitation — mention something you talked about — e.g. Lena's post “Pricing is a conversation, not a number…”.",
    );
    await nothingWritten();
  });

  it("falls back to the kudos the requester gave, then to plain words", async () => {
    const { ben, lena } = await pair();
    const plain = await expectRefused(t.db, () => send(ben, lena, "Hola Lena, me gustaría añadirte a mi red profesional en Rapport."), "validation");
    expect(plain.fields?.note?.[0]).toMatch(/why you'd like to connect with Lena\.$/);
    await createKudos({ authorId: ben.id, recipientId: lena.id, body: "Thank you for the onboarding checklist" });
    const kudos = await expectRefused(t.db, () => send(ben, lena, "Bonjour Lena, j'aimerais vous ajouter à mon réseau professionnel."), "validation");
    expect(kudos.fields?.note?.[0]).toMatch(/e\.g\. the kudos “Thank you for the onboarding checklist”\.$/);
    await nothingWritten();
  });

  it("takes either member's name out before comparing, and lets a personal note through", async () => {
    const { ben, lena } = await pair();
    await expectRefused(t.db, () => send(ben, lena, "Hello Lena Fischer 👋 let's connect! Cheers, Ben Okafor"), "validation");
    await nothingWritten();
    const ok = await send(ben, lena, "Hi Lena! I'd like to add you to my network: your pricing thread changed how we bill.");
    expect(ok.kind).toBe("sent");
  });
});

describe("the API's problem detail", () => {
  beforeAll(() => setClockForTests(NOW));
  afterAll(() => setClockForTests(undefined));

  it("names the field note", async () => {
    const { ben, lena } = await pair();
    const token = await tokenFor(ben.email, KNOWN_PASSWORD);
    const res = await post("/api/v1/connection-requests", { to: lena.handle, note: STOCK }, { token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((x: { field: string }) => x.field)).toEqual(["note"]);
    expect(res.body.errors[0].message).toMatch(/stock invitation/);
    expect(await t.db.connectionRequest.count()).toBe(0);
  });
});
