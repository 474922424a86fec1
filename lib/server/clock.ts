import "server-only";

/**
 * The one source of "now" for services and route handlers, so tests can pass their own.
 * Services take `now` as an argument; route handlers and actions read it here. Integration
 * tests that drive the HTTP API across several days move this clock with setClockForTests.
 */
type Clock = () => Date;

const holder = globalThis as unknown as { __rapportClock?: Clock };

export const systemNow = (): Date => (holder.__rapportClock ? holder.__rapportClock() : new Date());

/** Test-only: read "now" from `clock` (a fixed date or a function); `undefined` restores the real clock. */
export function setClockForTests(clock: Date | Clock | undefined): void {
  if (process.env.NODE_ENV === "production") throw new Error("setClockForTests is for tests only.");
  holder.__rapportClock = clock instanceof Date ? () => new Date(clock.getTime()) : clock;
}
