import { z } from "zod";
import { ZHandleRef } from "./member";

/** Remove a connection, named by the other member's handle. */
export const ZRemoveConnection = z.strictObject({ handle: ZHandleRef() });
export type TRemoveConnectionInput = z.input<typeof ZRemoveConnection>;

/** The connections list: an optional search over name and handle. */
export const ZConnectionsQuery = z.strictObject({
  q: z.string().trim().max(80, "Keep the search under 80 characters.").optional().default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
