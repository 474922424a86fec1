"use client";
import { useState, useTransition } from "react";
import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action-result";
import { passkeySignInAction, passkeySignInOptionsAction } from "@/lib/server/actions/factors";

/** "Sign in with a passkey": no email needed — the browser offers the passkeys it holds for this site. */
export function PasskeySignIn({ next, label = "Sign in with a passkey" }: { next: string; label?: string }) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  function signIn() {
    startTransition(async () => {
      if (!browserSupportsWebAuthn()) return setState({ ok: false, message: "This browser can't use passkeys. Sign in with your password instead." });
      const start = await passkeySignInOptionsAction();
      if (!start.options) return setState(start);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: start.options });
      } catch {
        return setState({ ok: false, message: "No passkey was used (cancelled or timed out). Try again, or use your password." });
      }
      const form = new FormData();
      form.set("response", JSON.stringify(response));
      form.set("next", next);
      const result = await passkeySignInAction(form); // redirects when it works
      setState(result);
    });
  }

  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary w-full" onClick={signIn} disabled={pending} aria-disabled={pending}>
        {pending ? "Waiting for your passkey…" : label}
      </button>
      {state.ok === false ? <FormMessage state={state} /> : null}
    </div>
  );
}
