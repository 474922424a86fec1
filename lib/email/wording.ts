/** Shared words of the email pages and the API. */
export const RESET_REQUESTED_MESSAGE =
  "If an account uses this address, we have sent it a link to choose a new password. It works for 30 minutes. " +
  "Nothing arriving? Check your spam folder, or ask again in a few minutes.";
