import { addDays } from "./time";

/** Why a request ended with a cooldown: the recipient's answer, or the requester's withdrawal. */
export type CooldownReason = "not_yet" | "no" | "withdraw";

/** The cooldown lengths, in days (the admin's request settings). */
export type CooldownDays = {
  cooldownNotYetDays: number;
  cooldownNoDays: number;
  cooldownWithdrawDays: number;
};

/** When the requester may ask again after this answer (the review page spells it out). */
export function cooldownUntil(reason: CooldownReason, now: Date, days: CooldownDays): Date {
  const n = reason === "not_yet" ? days.cooldownNotYetDays : reason === "no" ? days.cooldownNoDays : days.cooldownWithdrawDays;
  return addDays(now, n);
}
