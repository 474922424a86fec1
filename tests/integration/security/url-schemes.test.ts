import { describe, expect, it } from "vitest";
import { ZProfileUpdate, PROFILE_LINKS } from "@/lib/validation/member";
import { ZLoggedInteractionCreate } from "@/lib/validation/logged-interaction";
import { ZApiLoggedCreate } from "@/lib/validation/api/interaction";
import { tokenizePostText } from "@/lib/validation/post";

/**
 * Links members give us are shown to other members: only http(s) may ever become an href.
 * Profile links, evidence links (form and API schemas) and links in post text.
 */
const HOSTILE = [
  "javascript:alert(1)",
  " JAVASCRIPT:alert(1)",
  "JaVaScRiPt:alert(document.cookie)",
  "javascript://example.com/%0Aalert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.com/x",
  "//evil.example/x",
  "http:/\\evil.example",
  "\u0000javascript:alert(1)",
  "java\tscript:alert(1)",
  "https://",
  "http://",
];
const FINE = ["http://example.com", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/", "  https://mastodon.social/@ana  "];

describe("profile links", () => {
  it.each(PROFILE_LINKS.map((l) => l.key))("%s refuses every scheme but http(s)", (key) => {
    for (const url of HOSTILE) {
      const r = ZProfileUpdate.safeParse({ [key]: url });
      expect(r.success, `${key} accepted ${JSON.stringify(url)}`).toBe(false);
      if (!r.success) expect(r.error.issues[0].path).toEqual([key]);
    }
    for (const url of FINE) expect(ZProfileUpdate.safeParse({ [key]: url }).success, `${key} refused ${url}`).toBe(true);
  });
});

describe("evidence links", () => {
  const base = { targetHandle: "ana", platform: "x", kind: "reply", occurredOn: "2026-01-05" } as const;
  it.each([
    ["form schema", (url: string) => ZLoggedInteractionCreate.safeParse({ ...base, evidenceUrl: url })],
    ["API schema", (url: string) => ZApiLoggedCreate.safeParse({ target: "ana", platform: "x", kind: "reply", occurredOn: "2026-01-05", evidenceUrl: url })],
  ] as const)("%s refuses every scheme but http(s)", (_name, parse) => {
    for (const url of HOSTILE) {
      const r = parse(url);
      expect(r.success, `accepted ${JSON.stringify(url)}`).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toContain("evidenceUrl");
    }
    for (const url of FINE) expect(parse(url).success, `refused ${url}`).toBe(true);
  });
});

describe("links in post text", () => {
  it("only http(s) text becomes a link", () => {
    for (const url of HOSTILE) {
      const links = tokenizePostText(`see ${url} now`).filter((t) => t.type === "link") as { href: string }[];
      for (const l of links) expect(l.href, `from ${JSON.stringify(url)}`).toMatch(/^https?:\/\/[^/]/);
    }
    const [link] = tokenizePostText("read https://example.com/x?y=1 today").filter((t) => t.type === "link") as { href: string }[];
    expect(link.href).toBe("https://example.com/x?y=1");
  });
});
