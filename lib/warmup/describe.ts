import type { CriterionKey, Policy } from "./types";

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `${n} ${one}` : `${n} ${many}`;
}

/**
 * A criterion's label. With `current` it reads as progress ("Points: 4 of 6"); without,
 * as the requirement itself ("At least 6 points"). Yes/no criteria take 0 or 1.
 */
export function describeCriterionLabel(key: CriterionKey, required: number, current?: number): string {
  const has = current !== undefined;
  switch (key) {
    case "points":
      return has ? `Points: ${current} of ${required}` : `At least ${plural(required, "point", "points")}`;
    case "interactions":
      return has
        ? `Interactions: ${current} of ${required}`
        : `At least ${plural(required, "interaction", "interactions")}`;
    case "distinctDays":
      return has ? `Different days: ${current} of ${required}` : `On at least ${plural(required, "day", "different days")}`;
    case "spanDays":
      return has
        ? `Days from first to last: ${current} of ${required}`
        : `Over at least ${plural(required, "day", "days")}`;
    case "conversation":
      return has ? `A real conversation: ${current! >= 1 ? "yes" : "not yet"}` : "A real conversation";
    case "reciprocity":
      return has ? `They interacted with you too: ${current! >= 1 ? "yes" : "not yet"}` : "They interacted with you too";
    default:
      return String(key);
  }
}

type Voice = { subject: string; isClosed: string; welcomes: string; hasInteracted: string; needs: string };

function voice(name: string | undefined): Voice {
  const who = name?.trim();
  if (!who) {
    return {
      subject: "me",
      isClosed: "I am not accepting connection requests.",
      welcomes: "I welcome",
      hasInteracted: "I have interacted with you too",
      needs: "I need to have interacted with you first",
    };
  }
  return {
    subject: who,
    isClosed: `${who} is not accepting connection requests.`,
    welcomes: `${who} welcomes`,
    hasInteracted: `${who} has interacted with you too`,
    needs: `${who} needs to have interacted with you first`,
  };
}

/** The bulk of the requirement: "at least 3 interactions worth at least 6 points on 2 different days". */
function countsPhrase(p: Policy): string {
  const parts: string[] = [];
  const head = p.minInteractions > 0 ? `at least ${plural(p.minInteractions, "interaction", "interactions")}` : "";
  if (p.minPoints > 0) {
    const worth = `at least ${plural(p.minPoints, "point", "points")}`;
    parts.push(head ? `${head} worth ${worth}` : `interactions worth ${worth}`);
  } else if (head) parts.push(head);
  // One day is implied by any interaction, so only say it when it adds something.
  if (p.minDistinctDays > 1 || (p.minDistinctDays === 1 && parts.length === 0)) {
    const days = p.minDistinctDays === 1 ? "on at least 1 day" : `on ${p.minDistinctDays} different days`;
    parts.push(parts.length ? days : `interactions ${days}`);
  }
  if (p.minSpanDays > 0) {
    const span = `over at least ${plural(p.minSpanDays, "day", "days")}`;
    parts.push(parts.length ? span : `interactions ${span}`);
  }
  return parts.join(" ");
}

/**
 * The protocol in one plain sentence for a profile, e.g. "To connect with Ana: at least 3
 * interactions on 2 different days, including a real conversation." Without a name it speaks
 * as the owner ("To connect with me: …").
 */
export function describePolicy(policy: Policy, name?: string): string {
  const v = voice(name);
  if (policy.preset === "closed") return v.isClosed;
  const age = policy.minAccountAgeDays > 0 ? plural(policy.minAccountAgeDays, "day", "days") : "";
  const main = countsPhrase(policy);
  if (!main && !policy.requireConversation && !policy.requireReciprocity) {
    return age
      ? `${v.welcomes} connection requests from anyone whose account is at least ${age} old.`
      : `${v.welcomes} connection requests from anyone.`;
  }
  let body = main;
  if (policy.requireConversation) body = main ? `${main}, including a real conversation` : "a real conversation";
  if (policy.requireReciprocity) body = body ? `${body}, and ${v.hasInteracted}` : v.needs;
  const sentence = `To connect with ${v.subject}: ${body}.`;
  return age ? `${sentence} Your account must be at least ${age} old.` : sentence;
}

/**
 * The protocol in one short phrase for lists (search results, suggestions), e.g.
 * "2 interactions on 2 days, with a conversation". The profile has the full sentence
 * (describePolicy).
 */
export function describePolicyShort(policy: Policy): string {
  if (policy.preset === "closed") return "Not accepting requests";
  const parts: string[] = [];
  if (policy.minInteractions > 0) parts.push(plural(policy.minInteractions, "interaction", "interactions"));
  else if (policy.minPoints > 0) parts.push(plural(policy.minPoints, "point", "points"));
  if (policy.minDistinctDays > 1) parts.push(`on ${policy.minDistinctDays} days`);
  if (policy.minSpanDays > 0) parts.push(`over ${plural(policy.minSpanDays, "day", "days")}`);
  const extras: string[] = [];
  if (policy.requireConversation) extras.push("a conversation");
  if (policy.requireReciprocity) extras.push("replies both ways");
  if (parts.length === 0 && extras.length === 0) {
    return policy.minAccountAgeDays > 0 ? `Open to accounts ${plural(policy.minAccountAgeDays, "day", "days")} old` : "Open to anyone";
  }
  const head = parts.join(" ");
  if (!head) return `Needs ${extras.join(" and ")}`;
  return extras.length ? `${head}, with ${extras.join(" and ")}` : head;
}
