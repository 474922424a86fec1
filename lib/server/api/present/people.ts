import "server-only";
import type { PersonCard } from "@/lib/server/queries/person-cards";

/** A person card as the API shows it (the fields of the PersonCard schema, no ids). */
export const toPersonOut = (c: PersonCard) => ({
  handle: c.handle,
  name: c.name,
  headline: c.headline,
  topics: c.topics,
  protocol: c.protocol,
  relationship: { status: c.relationship.status, percent: c.relationship.percent },
});
