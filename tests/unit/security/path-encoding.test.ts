import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormedPath, pathForLog } from "@/lib/security/path-encoding";

/** The edge's 400 for broken percent-encoding (proxy.ts) rests on this one predicate. */
const decoded = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

// Paths built from the pieces that matter: plain characters, valid escapes of any code
// point, and the broken kinds (bad hex, a lone %, cut-off sequences, overlong forms,
// surrogates, stray continuation bytes).
const hex = (n: number) => `%${n.toString(16).toUpperCase().padStart(2, "0")}`;
const piece = fc.oneof(
  fc.constantFrom("/", "api", "v1", "posts", "a", "-", "~", ".", "é", "%20", "%2F", "%25"),
  fc.integer({ min: 0, max: 255 }).map(hex),
  fc.string({ minLength: 1, maxLength: 2 }).map((s) => encodeURIComponent(s)),
  fc.constantFrom("%", "%z", "%zz", "%ud800", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%80", "%FF", "%E2%82"),
);
const path = fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join("")}`);

describe("isWellFormedPath", () => {
  it.each(["/api/v1/posts/%ud800", "/api/v1/posts/%E0%A4%A", "/%", "/feed/%zz", "/u/%C0%AF", "/u/%ED%A0%80", "/x%2", "/%F8%88%80%80%80", "/u/a%00", "/u/-%00%1f"])(
    "refuses %s",
    (p) => expect(isWellFormedPath(p)).toBe(false),
  );

  it.each(["/", "/feed", "/u/ana", "/u/%C3%A9mile", "/@ana", "/api/v1/posts/p_123", "/a%20b", "/%F0%9F%98%80", "/%2F%25"])("accepts %s", (p) => {
    expect(isWellFormedPath(p)).toBe(true);
  });

  it("accepts exactly the paths decodeURIComponent accepts, but for an encoded NUL", () => {
    let broken = 0;
    fc.assert(
      fc.property(path, (p) => {
        const d = decoded(p);
        if (d === null) broken++;
        expect(isWellFormedPath(p)).toBe(d !== null && !d.includes("\u0000"));
      }),
      { numRuns: 2000 },
    );
    expect(broken).toBeGreaterThan(100); // the generator really makes broken paths
  });

  it("accepts every path the browser's encoder produces from text without NUL", () => {
    const text = fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000"));
    fc.assert(fc.property(fc.array(text), (segments) => isWellFormedPath(`/${segments.map(encodeURIComponent).join("/")}`)));
  });
});

describe("pathForLog", () => {
  it("bounds the path and escapes control characters", () => {
    const line = pathForLog(`/x${"%zz".repeat(1000)}\n`);
    expect(line.length).toBeLessThan(160);
    expect(line).not.toContain("\n");
    expect(pathForLog("/a\nb")).toBe('"/a\\nb"');
  });
});
