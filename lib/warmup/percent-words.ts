import { AHEAD_OF_SLOWEST } from "./criteria";

/** The overall percent's definition in the words the panel's help text and docs/architecture.md use. */
export const PERCENT_DEFINITION =
  `The overall percent is the average of the bars below, held to at most ${AHEAD_OF_SLOWEST} points above the count ` +
  "furthest behind (points, interactions, different days, span; days are counted in UTC). It stays at 0% until something you did counts, " +
  "and reaches 100% only when every criterion is met.";
