import "server-only";
import { getRootDb } from "@/lib/server/db";
import { inUnitOfWork } from "@/lib/server/unit-of-work";
import { fingerprintOf, MAX_KEY_LENGTH } from "./key";
import { claimKey, storeAnswer } from "./store";

/** The hidden field a form carries its submission key in (components/ui/submission-key.tsx). */
export const SUBMISSION_FIELD = "submissionKey";

const KEY_SHAPE = new RegExp(`^[\\x21-\\x7e]{16,${MAX_KEY_LENGTH}}$`);

/**
 * A form's write, done once however many times the form is submitted: a double click, a
 * resubmission after a dropped answer. The form carries a key made when it was shown
 * (rotated after each success); the first submission with it runs `write` and stores its
 * result in the same transaction, any later one gets that result back and writes nothing.
 * A form without a key (JavaScript not loaded yet) just runs `write`. Only a result that
 * `write` returns is stored: a refusal it throws is not, so the member can try again.
 */
export async function submitOnce<T>(
  form: FormData,
  p: { caller: string; action: string; now: Date },
  write: () => Promise<T>,
): Promise<T> {
  const key = form.get(SUBMISSION_FIELD);
  if (typeof key !== "string" || !KEY_SHAPE.test(key)) return write();
  const fields = [...form.entries()]
    .filter(([name, value]) => name !== SUBMISSION_FIELD && !name.startsWith("$") && typeof value === "string")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fingerprint = fingerprintOf({ method: "FORM", path: p.action, body: fields });
  // The fingerprint is part of the key: the same form sent again with other values (edited
  // after an answer that never arrived) is a new submission, not a reuse to refuse.
  const keyed = { caller: p.caller, key: `form:${key}:${fingerprint.slice(0, 32)}`, fingerprint, now: p.now };
  return inUnitOfWork(await getRootDb(), async (db) => {
    const stored = await claimKey(db, keyed, { wait: true });
    if (stored) return (stored.body === null ? undefined : JSON.parse(stored.body)) as T;
    const result = await write();
    await storeAnswer(db, keyed, { status: 200, body: result === undefined ? null : JSON.stringify(result) });
    return result;
  });
}
