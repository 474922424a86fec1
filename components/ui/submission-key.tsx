"use client";
import { useEffect, useState } from "react";

/** Must match SUBMISSION_FIELD in lib/server/idempotency/submission.ts. */
const FIELD = "submissionKey";

function newKey(): string {
  // getRandomValues works on plain http too (randomUUID needs a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The form's submission key: the server does the form's write once per key, so a double
 * click or a resubmission after a lost answer does not post twice
 * (lib/server/idempotency/submission.ts). A new key after every answer (`answered` is the
 * form's action state), made in the browser after hydration.
 */
export function SubmissionKey({ answered }: { answered: unknown }) {
  const [key, setKey] = useState("");
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a random value exists only in the browser
    setKey(newKey());
  }, [answered]);
  return <input type="hidden" name={FIELD} value={key} />;
}
