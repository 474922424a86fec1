import "server-only";

/** Dates travel as ISO strings. */
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A row's member as the API names it (no private fields). */
export const ref = (m: { id: string; handle: string; name: string }) => ({ id: m.id, handle: m.handle, name: m.name });
export const summary = (m: { id: string; handle: string; name: string; headline: string }) => ({ ...ref(m), headline: m.headline });
