import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERCENT_DEFINITION } from "@/lib/warmup/percent-words";

describe("the percent's definition", () => {
  it("is quoted word for word in docs/architecture.md, as the panel's help text shows it", () => {
    const docs = readFileSync("docs/architecture.md", "utf8").replace(/\s+/g, " ");
    expect(docs).toContain(`"${PERCENT_DEFINITION}"`);
  });
});
