import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeHtml } from "@/lib/email/escape";
import { DEFAULT_EMAIL_PREFS, readEmailPrefs, withUnsubscribed } from "@/lib/email/categories";
import { digestMessage, requestAnsweredMessage, requestReceivedMessage } from "@/lib/email/messages";

describe("email messages", () => {
  it("escapes every interpolated value in the HTML, whatever it is", () => {
    fc.assert(
      fc.property(fc.string(), (note) => {
        const { html } = requestReceivedMessage({ from: "Ana", note: note + "<x>", link: "https://rapport.test/r", unsubscribe: "https://rapport.test/u" });
        expect(html).not.toContain("<x>");
        expect(html).toContain(escapeHtml(note + "<x>"));
      }),
    );
  });

  it.each([
    ["accepted", { kind: "accepted" as const }, "Ana accepted your request"],
    ["not yet", { kind: "not_yet" as const, askAgainFrom: new Date("2027-01-05T00:00:00Z") }, "Ana answered “not yet”"],
    ["no", { kind: "no" as const }, "Ana answered your request"],
  ])("words the %s answer", (_name, answer, subject) => {
    const m = requestAnsweredMessage({ by: "Ana", answer, link: "https://rapport.test/r", unsubscribe: "https://rapport.test/u" });
    expect(m.subject).toBe(subject);
    if (answer.kind === "not_yet") expect(m.text).toContain("You can ask again from 2027-01-05");
  });

  it("refuses a name that would inject a header", () => {
    expect(() => requestReceivedMessage({ from: "Eve\r\nBcc: x@y", note: "", link: "https://x", unsubscribe: "https://u" })).toThrow(/line break/);
  });

  it("the digest says what waits, and is null when there is nothing", () => {
    const m = digestMessage({ facts: { oneStepFrom: ["Grace"], warmedUp: 3, waitingRequests: 2, other: [] }, link: "https://rapport.test/", unsubscribe: "https://u" });
    expect(m?.text).toContain("You are one step from connecting with Grace.");
    expect(m?.text).toContain("3 people warmed up to you.");
    expect(m?.text).toContain("2 requests wait for your answer.");
    expect(digestMessage({ facts: { oneStepFrom: [], warmedUp: 0, waitingRequests: 0, other: [] }, link: "x", unsubscribe: "u" })).toBeNull();
  });

  it("preferences: defaults fill gaps, junk is ignored, the digest link turns off only digest categories", () => {
    expect(readEmailPrefs(null)).toEqual(DEFAULT_EMAIL_PREFS);
    expect(readEmailPrefs({ requests: "never", answers: "loud" })).toEqual({ ...DEFAULT_EMAIL_PREFS, requests: "never" });
    expect(withUnsubscribed(DEFAULT_EMAIL_PREFS, "digest")).toEqual({ requests: "instant", answers: "never", confirmations: "instant", introductions: "never" });
    expect(withUnsubscribed(DEFAULT_EMAIL_PREFS, "requests").requests).toBe("never");
  });
});
