import { z } from "zod";
import { VERIFY_NETWORKS } from "@/lib/verify/networks";

/** Settings → Account: "Unlink Bluesky / Mastodon / GitHub" — which linked account to remove. */
export const ZUnlinkAccount = z.strictObject({
  network: z.enum(VERIFY_NETWORKS, { error: "Say which account to unlink: bluesky, mastodon or github." }),
});
export type TUnlinkAccountInput = z.input<typeof ZUnlinkAccount>;
