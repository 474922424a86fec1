import "server-only";
import { AppError } from "@/lib/server/errors";

/**
 * Runs a service call whose input names differ from the API's (the web form's
 * `targetHandle` is the API's `target`; a handle in the path has no body field at all) and
 * renames the fields of its validation errors to what the API client sent. `null` drops a
 * field: the message stays, the problem just does not point at a field the client never sent.
 */
export async function withApiFieldNames<T>(run: () => Promise<T>, names: Record<string, string | null>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e;
    const fields: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(e.fields)) {
      const to = field in names ? names[field] : field;
      if (to) (fields[to] ??= []).push(...messages);
    }
    throw new AppError(e.code, e.message, { fields, details: e.details, retryAt: e.retryAt });
  }
}
