import { z } from "zod";
import { PRESETS } from "@/lib/warmup/types";
import { ZInstant } from "./common";
import { ZFindInteractions } from "@/lib/validation/member";
import { ZRelationshipStatus } from "./evaluation";

/** Another member as lists and embeds show them. */
export const ZMemberRef = z.object({ id: z.string(), handle: z.string(), name: z.string() }).meta({ id: "MemberRef" });
export const ZMemberSummary = ZMemberRef.extend({ headline: z.string() }).meta({ id: "MemberSummary" });

const link = z.string().nullable();

/** An account on another network the member claims; `verified` once Rapport saw the one-time code there. */
export const ZLinkedAccount = z
  .object({
    network: z.enum(["bluesky", "mastodon", "github"]),
    handle: z.string().meta({ description: "Bluesky handle, Mastodon @user@instance, or GitHub login (as GitHub spells it now)." }),
    did: z.string().nullable().meta({ description: "Bluesky: the account's DID (handles change, DIDs do not). Otherwise null." }),
    githubId: z.string().nullable().meta({ description: "GitHub: the account's numeric id (logins change, ids do not). Otherwise null." }),
    profileUrl: z.string().nullable().meta({
      description:
        "Mastodon: the account's profile URL (https://instance/@user), which your Rapport profile links to with rel=\"me\"; its stable id. GitHub: https://github.com/<login>. Bluesky: null.",
    }),
    verified: z.boolean(),
    verifiedAt: ZInstant.nullable(),
    code: z.string().nullable().meta({
      description:
        "While unverified. Bluesky: put this code in your profile description, then PATCH the same handle again; Mastodon: this is your Rapport profile URL — add it as a profile field, then PATCH the same address again; GitHub: put this code in a gist, then PATCH `{gistUrl}`.",
    }),
  })
  .meta({ id: "LinkedAccount" });

/** The caller's own account (GET/PATCH /me, sign-up): the only place an email appears. */
export const ZMe = z
  .object({
    id: z.string(),
    handle: z.string(),
    email: z.string(),
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    location: z.string().nullable(),
    linkX: link,
    linkLinkedin: link,
    linkMastodon: link,
    linkBluesky: link,
    linkGithub: link,
    linkWebsite: link,
    topics: z.array(z.string()).meta({ description: "Up to 10 topics, shown on your profile and in search." }),
    discoverable: z.boolean().meta({ description: "False: you are left out of search and suggestions (your profile stays reachable by its URL)." }),
    role: z.enum(["member", "admin"]),
    timeZone: z.string().meta({ description: "IANA time zone dates are shown to you in (the rules count UTC days)." }),
    dateLocale: z.string().nullable().meta({ description: "Locale of your date format; null: your browser's language." }),
    linkedAccounts: z.array(ZLinkedAccount).meta({ description: "Accounts on other networks, with proof of ownership (evidence on them is checked by Rapport)." }),
    findInteractions: ZFindInteractions,
    createdAt: ZInstant,
  })
  .meta({ id: "Me" });

/** A member's public profile as the caller may see it, with the relationship from the caller's side. */
export const ZMemberProfile = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    location: z.string().nullable(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    topics: z.array(z.string()),
    createdAt: ZInstant,
    protocol: z.object({
      preset: z.enum(PRESETS),
      description: z.string().meta({ description: "Their protocol in plain words." }),
    }),
    relationship: z.object({
      status: ZRelationshipStatus,
      percent: z.number().min(0).max(100).nullable().meta({ description: "Warm-up progress toward them (null for yourself)." }),
      nextStep: z.string().nullable(),
      cooldownUntil: ZInstant.nullable(),
      pendingRequest: z
        .object({ id: z.string(), direction: z.enum(["incoming", "outgoing"]), createdAt: ZInstant, expiresAt: ZInstant })
        .nullable(),
      connectedSince: ZInstant.nullable(),
      blockedByYou: z.boolean(),
      canRequest: z.boolean().meta({
        description: "Whether `POST /connection-requests` to them would go through now (for `incoming`, it accepts theirs).",
      }),
      refusal: z.string().nullable().meta({
        description:
          "Why it would be refused, in the refusal's own words — not warm yet, a cooldown, your weekly limit, your unconfirmed email, " +
          "their leaving, already connected — or null when `canRequest`. A member who is suspended reads as not found here, as the send answers.",
      }),
    }),
  })
  .meta({ id: "MemberProfile" });

/** `POST /me/policy/preview`: how your contacts would be judged under draft rules (nothing is saved). */
export const ZPolicyPreview = z
  .object({
    description: z.string(),
    rows: z.array(
      z.object({
        member: ZMemberRef,
        reason: z.enum(["pending_request", "recent_contact"]),
        statusNow: ZRelationshipStatus,
        percentNow: z.number().min(0).max(100),
        statusDraft: ZRelationshipStatus,
        percentDraft: z.number().min(0).max(100),
      }),
    ),
  })
  .meta({ id: "PolicyPreview" });
