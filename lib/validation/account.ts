import { z } from "zod";
import { ZPassword } from "./member";

/** Change (or, for an account made with OAuth, set) the password. */
export const ZChangePassword = z.strictObject({
  /** required when the account has a password; the service says so by name */
  currentPassword: z.string().max(200).optional(),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.input<typeof ZChangePassword>;

/** "Delete my account": the password again, so a left-open browser cannot do it. */
export const ZDeleteAccount = z.strictObject({
  password: z.string({ error: "Enter your password to confirm." }).min(1, "Enter your password to confirm.").max(200),
});
export type TDeleteAccountInput = z.input<typeof ZDeleteAccount>;

/** Days between "Delete my account" and the erasure; signing in before then cancels it. */
export const DELETION_GRACE_DAYS = 14;
