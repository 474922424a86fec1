import { z } from "zod";
import { ZInstant } from "./common";
import { ZEvaluation } from "./evaluation";

export const ZFieldProblem = z.object({
  field: z.string().meta({ description: "The field, as a dotted path (e.g. `note`), or `body` for the body as a whole." }),
  message: z.string(),
});

export const PROBLEM_CODES = [
  "validation",
  "unauthenticated",
  "token_expired",
  "suspended",
  "insufficient_scope",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "already_exists",
  "duplicate_pending",
  "warmup_incomplete",
  "cooldown",
  "closed",
  "leaving",
  "too_new",
  "blocked",
  "self",
  "already_connected",
  "weekly_limit",
  "pending_limit",
  "rate_limited",
  "email_unverified",
  "payload_too_large",
  "idempotency_key_in_use",
  "idempotency_key_reused",
  "unavailable",
  "internal",
] as const;

/**
 * RFC 9457 problem details with Rapport's stable `code`. Validation problems list each bad
 * field; `warmup_incomplete` carries the evaluation; limits say when they free up (`retryAt`,
 * and the Retry-After header).
 */
export const ZProblem = z
  .looseObject({
    type: z.string().meta({ description: "A URI naming the problem type, one per code." }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().meta({ description: "What went wrong, in plain words, and how to fix it." }),
    code: z.enum(PROBLEM_CODES).meta({ description: "Stable machine-readable code." }),
    instance: z.string().optional(),
    errors: z.array(ZFieldProblem).optional().meta({ description: "validation: one entry per bad field." }),
    retryAt: ZInstant.optional().meta({ description: "When a limit or cooldown frees up." }),
    requiredScope: z.string().optional().meta({ description: "insufficient_scope: the scope this operation needs." }),
    tokenScopes: z.array(z.string()).optional().meta({ description: "insufficient_scope: the scopes the token has." }),
    expiredAt: ZInstant.optional().meta({ description: "token_expired: when the token stopped working." }),
    evaluation: ZEvaluation.optional().meta({ description: "warmup_incomplete: the evaluation that refused the request." }),
  })
  .meta({ id: "Problem" });
export type TProblem = z.infer<typeof ZProblem>;
