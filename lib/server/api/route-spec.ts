import "server-only";
import type { z } from "zod";
import type { ProblemCode } from "./problem";
import type { TokenScope } from "@/lib/validation/api/token";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One operation of the HTTP API, declared once: the route handler validates with these
 * schemas and the OpenAPI document is generated from them (lib/server/api/openapi.ts), so
 * the two cannot drift apart.
 */
export type RouteSpec = RouteSpecBase &
  (
    | {
        /** a signed-in, active member (token or session) */
        auth: "member";
        /** what a token must be allowed to do to call this (a session is not limited by scopes) */
        scope: TokenScope;
      }
    | { /** anyone */ auth: "none"; scope?: never }
  );

type RouteSpecBase = {
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. "/posts/{id}" */
  path: `/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** path parameters; a value that does not parse is "not found", not a validation error */
  params?: z.ZodType;
  /** what a missing item is called in the not-found message ("That post could not be found.") */
  resource?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** the success body; leave it out for 204 No Content */
  response?: z.ZodType;
  status?: 200 | 201 | 202 | 204;
  /** the problem codes this operation may answer with, besides the generic ones (for the document) */
  errors?: readonly ProblemCode[];
};

export const defineRoute = <const S extends RouteSpec>(spec: S): S => spec;

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteInput<S extends RouteSpec> = {
  params: S["params"] extends z.ZodType ? z.output<S["params"]> : Record<string, never>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
};

/** What a handler returns on success: the response schema's input (it is serialised as JSON). */
export type RouteResult<S extends RouteSpec> = S["response"] extends z.ZodType ? z.input<S["response"]> : void;
