import "server-only";

/** The one source of "now" for services, so tests can pass their own. */
export const systemNow = (): Date => new Date();
