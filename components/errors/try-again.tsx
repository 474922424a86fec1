"use client";

import { useEffect, useState } from "react";

/**
 * What a member sees when a page fails: calm words, never a stack trace, and a way to try
 * again. A production error reaches the browser without its message, so the page asks the
 * server whether the database is reachable (GET /api/health/database) and, when it is not,
 * says so: that is a "wait a moment", not a "something is broken".
 */
export type TryAgainProps = { retry?: () => void; reset: () => void };

type Cause = "checking" | "database" | "other";

// What the last check found, so a retry that fails again keeps its words while it re-checks
// instead of flashing the generic ones. Only set in effects, i.e. only in the browser.
let lastCause: Cause = "checking";

export function TryAgain({ retry, reset }: TryAgainProps) {
  const [cause, setCause] = useState<Cause>(lastCause);

  useEffect(() => {
    let live = true;
    const found = (c: Cause) => {
      lastCause = c;
      if (live) setCause(c);
    };
    fetch("/api/health/database", { cache: "no-store" }).then(
      (res) => found(res.status === 503 ? "database" : "other"),
      () => found("other"),
    );
    return () => {
      live = false;
    };
  }, []);

  const database = cause === "database";
  return (
    <section className="mx-auto max-w-md py-16 text-center" aria-labelledby="try-again-title">
      <h1 id="try-again-title" className="text-2xl font-semibold">
        {database ? "Rapport can't reach its database right now" : "Something went wrong"}
      </h1>
      <p className="mt-2 muted" role="status">
        {database
          ? "Nothing you did caused this, and nothing you saved is lost. Try again in a moment."
          : "That didn't work, and it's not your fault. Please try again in a moment."}
      </p>
      <button type="button" onClick={() => (retry ?? reset)()} className="btn-primary mt-6">
        Try again
      </button>
    </section>
  );
}
