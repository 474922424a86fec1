import { z } from "zod";

export const MAX_TOPICS = 10;

/** A topic as stored: lowercase, single spaces, 2–32 characters (letters, digits, space + # . -). */
export const ZTopic = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(2, "Each topic needs at least 2 characters.")
      .max(32, "Keep each topic under 32 characters.")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} +#.-]*$/u, "Topics use letters, digits, spaces and + # . - only."),
  );

/**
 * Up to 10 topics, as a list (API) or one comma-separated text (the form). Blank entries are
 * dropped and repeats merged, so "Design, design ," is one topic.
 */
export const ZTopics = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((t) => t.trim()).filter((t) => t !== ""))
  .pipe(z.array(ZTopic).max(MAX_TOPICS, `Up to ${MAX_TOPICS} topics.`))
  .transform((list) => [...new Set(list)])
  .meta({ description: "Up to 10 topics (lowercase, 2–32 characters); the form sends them comma-separated." });
