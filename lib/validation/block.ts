import { z } from "zod";
import { ZHandleRef } from "./request";

/** Block or unblock a member, by handle. */
export const ZBlockMember = z.strictObject({ handle: ZHandleRef });
export type TBlockMember = z.infer<typeof ZBlockMember>;
