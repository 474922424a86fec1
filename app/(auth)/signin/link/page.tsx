import Link from "next/link";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { emailDelivers } from "@/lib/server/email/config";
import { emailTokenUsable } from "@/lib/server/email/tokens";
import { requestSignInLinkAction, signInWithLinkAction } from "@/lib/server/actions/sign-in-link";
import { INVALID_SIGNIN_LINK } from "@/lib/server/services/accounts/sign-in-link";
import { ForgotPasswordForm } from "../../forgot-password/forgot-password-form";
import { UseSignInLinkForm } from "./use-link-form";

export const metadata = { title: "Sign in with an emailed link" };

/** Without a token: ask for a link. With one: a button that uses it (the GET itself changes nothing). */
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (token !== undefined) {
    const usable = token.length >= 20 && token.length <= 200 && (await emailTokenUsable(await getDb(), { token, purpose: "signin_link", now: systemNow() }));
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-6 text-2xl font-semibold">Sign in to Rapport</h1>
        <div className="card">
          {usable ? (
            <UseSignInLinkForm action={signInWithLinkAction} token={token} />
          ) : (
            <div className="space-y-3">
              <p role="alert">{INVALID_SIGNIN_LINK}</p>
              <p>
                <Link href="/signin/link" className="btn-secondary">Ask for a new link</Link>
              </p>
            </div>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Email me a sign-in link</h1>
      <p className="mb-6 muted">
        Enter the email you signed up with. We will send a link that signs you in once, within 15 minutes — no password needed, even
        while password sign-in is paused after failed attempts.
      </p>
      <div className="card">
        {emailDelivers() ? (
          <ForgotPasswordForm action={requestSignInLinkAction} submitLabel="Email me a sign-in link" />
        ) : (
          <p role="alert">Email is not configured on this server, so we cannot send a sign-in link. Please ask an administrator.</p>
        )}
      </div>
      <p className="mt-4 text-sm muted">
        Know your password? <Link href="/signin" className="underline">Sign in</Link>
      </p>
    </div>
  );
}
