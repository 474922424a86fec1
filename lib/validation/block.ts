import { z } from "zod";
import { ZHandleRef } from "./member";

/** Block or unblock a member, by handle. */
export const ZBlockMember = z.strictObject({ handle: ZHandleRef() });
export type TBlockMemberInput = z.input<typeof ZBlockMember>;
