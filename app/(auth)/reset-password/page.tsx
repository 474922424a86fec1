import Link from "next/link";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { emailTokenUsable } from "@/lib/server/email/tokens";
import { resetPasswordAction } from "@/lib/server/actions/password-reset";
import { INVALID_RESET_LINK } from "@/lib/server/services/accounts/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const usable = token.length >= 20 && token.length <= 200 && (await emailTokenUsable(await getDb(), { token, purpose: "password_reset", now: systemNow() }));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">Choose a new password</h1>
      <div className="card">
        {usable ? (
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        ) : (
          <div className="space-y-3">
            <p role="alert">{INVALID_RESET_LINK}</p>
            <p>
              <Link href="/forgot-password" className="btn-secondary">Ask for a new link</Link>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
