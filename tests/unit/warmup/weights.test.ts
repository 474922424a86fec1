import { describe, expect, it } from "vitest";
import { INTERACTION_KINDS, type InteractionKind } from "../../../lib/warmup/types";
import {
  CONVERSATIONAL_KINDS,
  DEFAULT_WEIGHTS,
  isConversational,
  loggedKindToInteractionKind,
  type LoggedKind,
} from "../../../lib/warmup/weights";

describe("interaction weights", () => {
  it.each<[InteractionKind, number, boolean]>([
    ["reaction", 1, false],
    ["mention", 2, false],
    ["share", 2, false],
    ["comment", 3, true],
    ["kudos", 3, true],
    ["logged_reply", 3, true],
    ["logged_mention", 2, false],
    ["logged_met", 4, true],
    ["introduction", 5, true],
  ])("weighs a %s at %i points (conversational: %s)", (kind, weight, conversational) => {
    expect(DEFAULT_WEIGHTS[kind]).toBe(weight);
    expect(isConversational(kind)).toBe(conversational);
    expect(CONVERSATIONAL_KINDS.includes(kind)).toBe(conversational);
  });

  it("has a weight for every kind and nothing else", () => {
    expect(Object.keys(DEFAULT_WEIGHTS).sort()).toEqual([...INTERACTION_KINDS].sort());
  });

  it("cannot be changed at run time by accident", () => {
    expect(Object.isFrozen(DEFAULT_WEIGHTS)).toBe(true);
  });

  it("treats an unknown kind as not conversational", () => {
    expect(isConversational("shout" as InteractionKind)).toBe(false);
  });
});

describe("logged kinds", () => {
  it.each<[LoggedKind, InteractionKind]>([
    ["reply", "logged_reply"],
    ["comment", "logged_reply"],
    ["mention", "logged_mention"],
    ["share", "logged_mention"],
    ["other", "logged_mention"],
    ["met_in_person", "logged_met"],
  ])("records a logged %s as %s", (logged, kind) => {
    expect(loggedKindToInteractionKind(logged)).toBe(kind);
  });
});
