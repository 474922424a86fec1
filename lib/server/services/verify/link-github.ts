import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, fieldError } from "@/lib/server/errors";
import { forgetOpenOffers, leftVerifiedAccount, newLinkCode, refuseIfVerifiedElsewhere, startLink, requeueWaiting, unchanged, verifyingWrite } from "./link-store";
import { verifyConfig, type VerifyConfig } from "@/lib/server/verify/config";
import { gitHubApi, type GitHubApi } from "@/lib/server/verify/github-api";
import { FetchRefused, ProviderFault, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { gistHolds, normaliseGitHubLogin, parseGistUrl } from "@/lib/verify/github";

export const GITHUB_FIELD = "linkedAccounts.github";

export type GitHubLinkOut = {
  network: "github";
  /** the login, as GitHub spells it */
  handle: string;
  /** the numeric account id (logins change, ids do not) */
  githubId: string | null;
  verified: boolean;
  verifiedAt: Date | null;
  /** until verified: the code to put in a public gist */
  code: string | null;
};
export type GitHubLinkDeps = { config?: VerifyConfig; github?: GitHubApi };
/** One of the three steps: start with a login, prove it with a gist, or use the GitHub sign-in. */
export type GitHubLinkInput = { login: string } | { gistUrl: string } | { useSignIn: true };

type Row = { id: string; handle: string; externalId: string | null; verifiedAt: Date | null; code: string };

/** What checking a GitHub step found (GitHub read, nothing written): what storeGitHubLink writes. */
export type GitHubLinkCheck =
  | { network: "github"; step: "linked"; row: Row }
  | { network: "github"; step: "start"; handle: string; externalId: string }
  | {
      network: "github";
      step: "verify";
      /** the row as it was checked (the write is conditional on it), or null: none yet */
      existing: Row | null;
      data: { handle: string; externalId: string; code: string };
      /** a verified account under its new login keeps its date (nothing new was proved); otherwise now */
      keepVerifiedAt: Date | null;
    };

/**
 * Links a GitHub account, stored by its numeric id with the current login as handle. Two proofs:
 * - the member signed in with GitHub (an oauth_account row, provider "github"): GitHub proved the
 *   account then; one step reads its current login (GET /user/{id}) and verifies it;
 * - a gist: `login` resolves the account (GET /users/{login}) and stores it unverified with a
 *   one-time code; the member creates a gist holding the code and sends its address, and
 *   Rapport reads it (GET /gists/{id}): its owner must be that account and a file must hold the code.
 * GitHub is read first, outside any transaction (checkGitHubLink); storeGitHubLink writes,
 * conditional on the row still holding what was checked, and the partial unique index on verified
 * (network, external_id) keeps one account to one member. Verifying re-queues what waited for a
 * verified GitHub account. PATCH /me runs the two steps itself (update-me.ts).
 */
export async function linkGitHub(db: Db, { memberId, input, now, deps = {} }: { memberId: string; input: GitHubLinkInput; now: Date; deps?: GitHubLinkDeps }): Promise<GitHubLinkOut> {
  const check = await checkGitHubLink(db, { memberId, input, deps });
  return db.$transaction((tx) => storeGitHubLink(tx, { memberId, check, now }));
}

/** The network half of linkGitHub: reads GitHub, writes nothing; refuses naming linkedAccounts.github. */
export async function checkGitHubLink(db: Tx, { memberId, input, deps = {} }: { memberId: string; input: GitHubLinkInput; deps?: GitHubLinkDeps }): Promise<GitHubLinkCheck> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) throw new AppError("unavailable", "Linking accounts is turned off on this server.");
  const api = deps.github ?? gitHubApi(sharedFetcher(), config);
  const existing = await db.linkedAccount.findUnique({ where: { memberId_network: { memberId, network: "github" } } });
  const verify = (data: { handle: string; externalId: string; code: string }, keepVerifiedAt: Date | null = null): GitHubLinkCheck => ({
    network: "github",
    step: "verify",
    existing,
    data,
    keepVerifiedAt,
  });

  if ("useSignIn" in input) {
    const oauth = await db.oauthAccount.findFirst({ where: { memberId, provider: "github" }, select: { providerAccountId: true } });
    if (!oauth) throw fieldError(GITHUB_FIELD, "You have not signed in to Rapport with GitHub — enter your GitHub username and prove it with a gist instead.");
    const user = await reach(() => api.userById(oauth.providerAccountId));
    if (!user) throw fieldError(GITHUB_FIELD, "GitHub no longer has the account you signed in with.");
    return verify({ handle: user.login, externalId: user.id, code: existing?.code ?? newLinkCode() });
  }

  if ("login" in input) {
    const login = normaliseGitHubLogin(input.login);
    if (!login) throw fieldError(GITHUB_FIELD, "Enter your GitHub username, like octocat.");
    if (existing?.verifiedAt && existing.handle.toLowerCase() === login) return { network: "github", step: "linked", row: existing };
    const user = await reach(() => api.userByLogin(login));
    if (!user) throw fieldError(GITHUB_FIELD, `There is no GitHub account @${login}.`);
    // the verified account under its new name (a renamed GitHub account keeps its id): nothing to prove again
    if (existing?.verifiedAt && existing.externalId === user.id) return verify({ handle: user.login, externalId: user.id, code: existing.code }, existing.verifiedAt);
    return { network: "github", step: "start", handle: user.login, externalId: user.id };
  }

  const gistRef = parseGistUrl(input.gistUrl);
  if (!gistRef) throw fieldError(GITHUB_FIELD, "Enter the address of your gist, like https://gist.github.com/octocat/aa5a315d61ae9438b18d.");
  if (!existing || !existing.externalId) throw fieldError(GITHUB_FIELD, "Enter your GitHub username first; Rapport then gives you the code to put in a gist.");
  if (existing.verifiedAt) return { network: "github", step: "linked", row: existing };
  const gist = await reach(() => api.gist(gistRef.id));
  if (!gist) throw fieldError(GITHUB_FIELD, "GitHub has no gist at that address — check the link (secret gists work too).");
  if (gist.owner?.id !== existing.externalId) {
    throw fieldError(GITHUB_FIELD, `That gist belongs to ${gist.owner ? `@${gist.owner.login}` : "nobody we can tell"}, not to @${existing.handle}.`);
  }
  const holds = gistHolds(gist, existing.code);
  if (holds === "truncated") throw fieldError(GITHUB_FIELD, `That gist is too large for GitHub to send whole. Put ${existing.code} in a small gist of its own, then send its address.`);
  if (holds === "missing") throw fieldError(GITHUB_FIELD, `We couldn't find ${existing.code} in that gist. Add it to a file of the gist, save, then check again.`);
  return verify({ handle: gist.owner.login, externalId: existing.externalId, code: existing.code });
}

/**
 * The write half of linkGitHub, in the caller's transaction: the one place a checked GitHub link
 * is stored. Verifying is refused when another member verified the account first (checked, then
 * the partial unique index).
 */
export async function storeGitHubLink(tx: Tx, { memberId, check, now }: { memberId: string; check: GitHubLinkCheck; now: Date }): Promise<GitHubLinkOut> {
  if (check.step === "linked") return out(check.row);
  if (check.step === "start") {
    return out(await startLink(tx, { memberId, network: "github", handle: check.handle, externalId: check.externalId, now }));
  }
  const { existing, data } = check;
  const verifiedAt = check.keepVerifiedAt ?? now;
  await refuseIfVerifiedElsewhere(tx, { network: "github", externalId: data.externalId, memberId });
  const row = await verifyingWrite(
    "github",
    existing
      ? tx.linkedAccount
          .updateManyAndReturn({
            where: { id: existing.id, handle: existing.handle, externalId: existing.externalId, code: existing.code, verifiedAt: existing.verifiedAt },
            data: { ...data, verifiedAt },
          })
          .then(unchanged)
      : tx.linkedAccount.create({ data: { memberId, network: "github", createdAt: now, ...data, verifiedAt } }),
  );
  // Another GitHub account (signing in with a different one): its offers go, after the row is written.
  if (leftVerifiedAccount(existing, row)) await forgetOpenOffers(tx, { memberId, network: "github" });
  await requeueWaiting(tx, { memberId, network: "github" });
  return out(row);
}

async function reach<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProviderFault || e instanceof FetchRefused) {
      throw new AppError("unavailable", "GitHub could not be reached just now — try again in a minute.");
    }
    throw e;
  }
}

function out(r: Row): GitHubLinkOut {
  return { network: "github", handle: r.handle, githubId: r.externalId, verified: r.verifiedAt !== null, verifiedAt: r.verifiedAt, code: r.verifiedAt ? null : r.code };
}
