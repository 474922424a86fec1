"use client";
import { useState } from "react";

/** Copies a value to the clipboard; without JavaScript the readonly field can be copied by hand. */
export function CopyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setCopied("done"),
            () => setCopied("failed"),
          )
        }
      >
        {copied === "done" ? "Copied" : "Copy"}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {copied === "done" ? "Token copied to the clipboard." : copied === "failed" ? "Couldn't copy — select the token and copy it by hand." : ""}
      </span>
    </>
  );
}
