import "server-only";
import { ZApiRelationshipsQuery, ZRelationshipsPage } from "@/lib/validation/api/relationships";
import { defineRoute } from "../route-spec";

export const listRelationshipsRoute = defineRoute({
  method: "GET",
  path: "/relationships",
  operationId: "listRelationships",
  summary: "Every relationship you have, by tab: asked you, ready, warming up, waiting on them, cooling down, connected",
  description:
    "Each item is how warm you are with one member under their protocol (from your side), with the one most useful next step. " +
    "`status` picks one tab (see the parameter for the statuses each lists); leave it out for all of them. Blocked members, " +
    "members whose protocol is closed and those with whom nothing counts yet (cold) are not listed. `counts` says how many " +
    "each tab lists. Keep status, sort and q the same while you follow nextCursor.",
  tag: "Relationships",
  auth: "member",
  scope: "read",
  query: ZApiRelationshipsQuery,
  response: ZRelationshipsPage,
  errors: ["validation"],
});
