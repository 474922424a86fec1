import { makeDateFormat } from "@/lib/dates/format";

/**
 * Stands in for lib/server/loaders/date-format.ts in unit tests (no request, no session):
 * `vi.mock("@/lib/server/loaders/date-format", () => import("@/tests/support/date-format-utc"))`.
 * UTC, en-US, "now" fixed at 10 Jun 2026 09:00 UTC (before the nominal midday of logged interactions).
 */
export const TEST_NOW = new Date("2026-06-10T09:00:00.000Z");
export const dateFormat = async () => makeDateFormat({ timeZone: "UTC", locale: "en-US" }, TEST_NOW);
