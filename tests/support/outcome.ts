import { AppError } from "@/lib/server/errors";

/** "ok", or the AppError code; anything else fails the test. For tallying parallel calls. */
export const outcome = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );
