import { firstNameOf } from "../warmup/names";

/** What checking one piece of evidence concluded: it proves the interaction, or why not (shown to the actor). */
export type Verdict = { outcome: "matched" } | { outcome: "mismatch"; reason: string };

/**
 * Without a verified account on each side no post can prove anything (and nothing is
 * fetched). `network` is the network's name as members read it ("Bluesky").
 */
export function accountProblem(network: string, f: { actor: string | null; target: string | null; targetName: string }): Verdict | null {
  const first = firstNameOf(f.targetName);
  if (!f.actor) return { outcome: "mismatch", reason: `Your ${network} account is not verified yet — link it in Settings → Account so Rapport can check your posts.` };
  if (!f.target) {
    return { outcome: "mismatch", reason: `${first} has no verified ${network} account, so Rapport cannot tell the post was addressed to them. It waits for ${first} to confirm.` };
  }
  return null;
}
