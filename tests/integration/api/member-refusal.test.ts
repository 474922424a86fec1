import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createConnection } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, daysAfter, warmUp } from "@/tests/integration/requests/helpers";
import { get, post } from "./http";

/**
 * GET /members/{handle} tells a client what the web's Connect button tells a member: whether a
 * request sent now goes through (`canRequest`) and, if not, why (`refusal`) — and it is right:
 * sending then answers exactly that. If this fails, an app built on the API would offer a
 * request the server refuses, or hide one it would take.
 */
const t = useTestDatabase();
let ana: FactoryMember;
let ben: FactoryMember;
let token = "";

beforeEach(async () => {
  await t.reset();
  setClockForTests(NOW);
  ana = await createMember({ name: "Ana Ferreira" });
  ben = await createMember({ name: "Ben Okafor" });
  token = (await createToken(t.db, { memberId: ben.id, input: { name: "ben" }, now: NOW })).token;
});
afterEach(() => setClockForTests(undefined));

async function standing(handle = ana.handle) {
  const res = await get(`/api/v1/members/${handle}`, { token });
  expect(res.status).toBe(200);
  return res.body.relationship as { status: string; canRequest: boolean; refusal: string | null };
}
const send = async () => {
  const res = await post("/api/v1/connection-requests", { to: ana.handle, note: NOTE }, { token });
  return res.status < 300 ? "sent" : (res.body.detail as string);
};
const set = (id: string, data: Record<string, unknown>) => t.db.member.update({ where: { id }, data });

describe("GET /members/{handle}: canRequest and refusal", () => {
  it("say what sending answers, for each reason a request is refused, and for one that goes through", async () => {
    const cold = await standing();
    expect(cold).toMatchObject({ status: "cold", canRequest: false });
    expect(await send()).toContain(cold.refusal);

    await warmUp(ben.id, ana.id);
    await set(ben.id, { emailVerifiedAt: null });
    const unverified = await standing();
    expect(unverified).toMatchObject({ status: "warm", canRequest: false, refusal: expect.stringMatching(/confirm your email/) });
    expect(await send()).toContain(unverified.refusal);

    await set(ben.id, { emailVerifiedAt: NOW });
    // Suspended: the send reads as not found (as for a block), and so does the refusal.
    await set(ana.id, { suspendedAt: daysAfter(NOW, -1), suspendedUntil: daysAfter(NOW, 3) });
    const away = await standing();
    expect(away).toMatchObject({ canRequest: false, refusal: "That member could not be found." });
    expect(await send()).toContain(away.refusal);

    await set(ana.id, { suspendedAt: null, suspendedUntil: null, deleteAt: daysAfter(NOW, 14) });
    const leaving = await standing();
    expect(leaving).toMatchObject({ canRequest: false, refusal: "Ana is leaving Rapport, so they aren't taking new connection requests." });
    expect(await send()).toContain(leaving.refusal);

    await set(ana.id, { deleteAt: null });
    expect(await standing()).toMatchObject({ status: "warm", canRequest: true, refusal: null });
    expect(await send()).toBe("sent");
    const waiting = await standing();
    expect(waiting).toMatchObject({ status: "requested", canRequest: false, refusal: "There is already a request waiting between the two of you." });
    expect(await send()).toContain(waiting.refusal);
  });

  it("connected, or yourself: no request, and the words say why", async () => {
    await createConnection(ana.id, ben.id);
    expect(await standing()).toMatchObject({ status: "connected", canRequest: false, refusal: "You're already connected with Ana." });
    expect(await standing(ben.handle)).toMatchObject({ status: "self", canRequest: false, refusal: "You can't send a connection request to yourself." });
  });
});
