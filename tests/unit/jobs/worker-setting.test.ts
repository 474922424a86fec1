import { describe, expect, it } from "vitest";
import { workerConcurrency, workerSetting } from "@/lib/server/jobs/in-process";

describe("RAPPORT_WORKER: whether the app process runs the job worker", () => {
  it("is on unless set to off (case and spaces forgiven)", () => {
    expect(workerSetting({})).toBe("on");
    expect(workerSetting({ RAPPORT_WORKER: "" })).toBe("on");
    expect(workerSetting({ RAPPORT_WORKER: "on" })).toBe("on");
    expect(workerSetting({ RAPPORT_WORKER: " OFF " })).toBe("off");
  });

  it("refuses anything else, naming the variable, instead of guessing", () => {
    for (const value of ["0", "false", "no", "yes", "of"]) {
      expect(() => workerSetting({ RAPPORT_WORKER: value })).toThrow(/RAPPORT_WORKER must be "on" or "off"/);
    }
  });

  it("RAPPORT_WORKER_CONCURRENCY is a whole number ≥ 1, default 1", () => {
    expect(workerConcurrency({})).toBe(1);
    expect(workerConcurrency({ RAPPORT_WORKER_CONCURRENCY: "3" })).toBe(3);
    for (const value of ["0", "-1", "1.5", "many"]) {
      expect(() => workerConcurrency({ RAPPORT_WORKER_CONCURRENCY: value })).toThrow(/RAPPORT_WORKER_CONCURRENCY/);
    }
  });
});
