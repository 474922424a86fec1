import "server-only";
import type { VerifyNetwork } from "@/lib/verify/networks";
import { readBluesky } from "./bluesky";
import { readMastodon } from "./mastodon";
import { readGitHub } from "./github";
import type { OfferReader } from "./types";

/** The networks "Found for you" can read, and how. */
export const OFFER_READERS: Partial<Record<VerifyNetwork, OfferReader>> = {
  bluesky: readBluesky,
  mastodon: readMastodon,
  github: readGitHub,
};

export const FINDABLE_NETWORKS = Object.keys(OFFER_READERS) as VerifyNetwork[];
