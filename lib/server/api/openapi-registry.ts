import "server-only";
import type { RouteSpec } from "./route-spec";
import * as accounts from "./spec/accounts";
import * as members from "./spec/members";
import * as content from "./spec/content";
import * as interactions from "./spec/interactions";
import * as social from "./spec/social";
import * as relationships from "./spec/relationships";
import * as offers from "./spec/offers";

/**
 * Every operation of /api/v1, declared once in lib/server/api/spec/*. The route handlers
 * import their spec from there; the OpenAPI document and the tests (401 for every member
 * route, every path documented) iterate this list, so a route cannot exist in one place
 * and be missing from the other.
 */
export const API_ROUTES: readonly RouteSpec[] = [accounts, members, content, interactions, offers, social, relationships].flatMap((m) =>
  Object.values(m as Record<string, RouteSpec>),
);

/** The App Router folder a spec's path lives in: "/posts/{id}/reaction" → "posts/[id]/reaction". */
export const routeFolder = (path: string) => path.slice(1).replace(/\{(\w+)\}/g, "[$1]");
