"use client";

import { TryAgain, type TryAgainProps } from "@/components/errors/try-again";
import "./globals.css";

/**
 * When the root layout itself fails (it reads the viewer, so a database outage fails it),
 * this replaces the whole document: the same calm page, without the site header.
 */
export default function GlobalError(props: TryAgainProps & { error: Error }) {
  return (
    <html lang="en">
      <head>
        <title>Try again in a moment · Rapport</title>
      </head>
      <body className="min-h-dvh">
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          <TryAgain retry={props.retry} reset={props.reset} />
        </main>
      </body>
    </html>
  );
}
