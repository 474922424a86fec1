import "server-only";
import type { VerifyNetwork } from "@/lib/verify/networks";
import { readBluesky } from "./bluesky";
import { readMastodon } from "./mastodon";
import { readGitHub } from "./github";
import type { OfferReader } from "./types";

/** How "Found for you" reads each network it reads (FINDABLE_NETWORKS). */
export const OFFER_READERS: Partial<Record<VerifyNetwork, OfferReader>> = {
  bluesky: readBluesky,
  mastodon: readMastodon,
  github: readGitHub,
};
