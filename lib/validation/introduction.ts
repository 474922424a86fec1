import { z } from "zod";
import { ZHandleRef } from "./member";

export const INTRODUCTION_NOTE_MAX = 500;

/**
 * `POST /api/v1/introductions` and the "Introduce @a to…" form on a profile: the viewer, a
 * connection of both, introduces `introducedHandle` (A) to `introducedToHandle` (B). The
 * introduction counts toward A's warm-up with B, so the order matters.
 */
export const ZIntroductionCreate = z.strictObject({
  introducedHandle: ZHandleRef("member you're introducing"),
  introducedToHandle: ZHandleRef("member you're introducing them to"),
  note: z
    .string({ error: "Write a short introduction note: why should they meet?" })
    .trim()
    .min(1, "Write a short introduction note: why should they meet?")
    .max(INTRODUCTION_NOTE_MAX, `Keep the introduction note under ${INTRODUCTION_NOTE_MAX} characters.`),
});
export type TIntroductionCreateInput = z.input<typeof ZIntroductionCreate>;
