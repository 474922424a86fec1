import Link from "next/link";
import { emailDelivers } from "@/lib/server/email/config";
import { forgotPasswordAction } from "@/lib/server/actions/password-reset";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Forgot your password?</h1>
      <p className="mb-6 muted">Enter the email you signed up with. We will send you a link to choose a new password.</p>
      <div className="card">
        {emailDelivers() ? (
          <ForgotPasswordForm action={forgotPasswordAction} />
        ) : (
          <p role="alert">Email is not configured on this server, so we cannot send a reset link. Please ask an administrator.</p>
        )}
      </div>
      <p className="mt-4 text-sm muted">
        Remembered it? <Link href="/signin" className="underline">Sign in</Link>
      </p>
    </div>
  );
}
