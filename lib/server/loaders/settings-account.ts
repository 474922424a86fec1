import "server-only";
import { getDb } from "@/lib/server/db";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";
import { headers } from "next/headers";
import { requireMemberPage } from "@/lib/server/auth/session";
import { negotiateLocale } from "@/lib/dates/prefs";
import { verifyConfig } from "@/lib/server/verify/config";
import { FINDABLE_NETWORKS } from "@/lib/verify/networks";

/**
 * /settings/account: the viewer's editable profile fields and email, whether a password is set,
 * the date format "browser default" gives in this browser, and for "Found for you" the networks
 * Rapport can read and which of them the viewer's verified accounts are on.
 */
export async function loadAccountSettingsPage() {
  const viewer = await requireMemberPage();
  const db = await getDb();
  const m = await db.member.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { ...PROFILE_SELECT, email: true, passwordHash: true, findInteractions: true, linkedAccounts: { select: { network: true, handle: true, verifiedAt: true, code: true } },
      accounts: { where: { provider: "github" }, select: { id: true }, take: 1 },
    },
  });
  const { createdAt: _c, role: _r, topics, discoverable, passwordHash, linkedAccounts, accounts, findInteractions, ...rest } = m;
  const b = linkedAccounts.find((a) => a.network === "bluesky");
  const bluesky = b ? { handle: b.handle, verified: b.verifiedAt !== null, code: b.verifiedAt ? null : b.code } : null;
  const md = linkedAccounts.find((a) => a.network === "mastodon");
  const mastodon = md ? { handle: md.handle, verified: md.verifiedAt !== null, backLink: md.verifiedAt ? null : md.code } : null;
  const g = linkedAccounts.find((a) => a.network === "github");
  const github = g ? { handle: g.handle, verified: g.verifiedAt !== null, code: g.verifiedAt ? null : g.code } : null;
  const find = { on: findInteractions, networks: [...FINDABLE_NETWORKS], readable: FINDABLE_NETWORKS.filter((n) => linkedAccounts.some((a) => a.network === n && a.verifiedAt)) };
  // The form edits topics as one comma-separated text. Only whether a password is set leaves this loader.
  return { viewer, m: rest, profile: { ...rest, topics: topics.join(", ") }, discoverable, hasPassword: passwordHash !== null, browserLocale: negotiateLocale((await headers()).get("accept-language")), bluesky, mastodon, github, githubSignIn: accounts.length > 0, find, verifyEnabled: verifyConfig().enabled };
}
