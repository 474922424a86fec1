import "server-only";
import type { z } from "zod";
import type { ZLinkedAccount } from "@/lib/validation/api/member";
import { gitHubProfileUrl } from "@/lib/verify/github";
import type { VerifyNetwork } from "@/lib/verify/networks";
import { isoOrNull } from "./common";

/** A linked account for its owner (the one-time code only while unverified). */
export function linkedAccountOut(r: { network: string; handle: string; externalId: string | null; verifiedAt: Date | null; code: string }): z.input<typeof ZLinkedAccount> {
  return {
    network: r.network as VerifyNetwork,
    handle: r.handle,
    did: r.network === "bluesky" ? r.externalId : null,
    githubId: r.network === "github" ? r.externalId : null,
    profileUrl: r.network === "mastodon" ? r.externalId : r.network === "github" ? gitHubProfileUrl(r.handle) : null,
    verified: r.verifiedAt !== null,
    verifiedAt: isoOrNull(r.verifiedAt),
    code: r.verifiedAt ? null : r.code,
  };
}
