import Link from "next/link";
import { verifyEmailAction } from "@/lib/server/actions/email-verification";
import { TokenForm } from "@/components/email/token-form";

export const metadata = { title: "Confirm your email" };

/** Opening the link shows a button: confirming is a POST (a page never writes, and mail scanners that prefetch links change nothing). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token = "", done } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">Confirm your email</h1>
      <div className="card space-y-4">
        {done ? (
          <>
            <p role="status">Thank you — your address is confirmed.</p>
            <Link href="/" className="btn-secondary">Go to Rapport</Link>
          </>
        ) : token ? (
          <>
            <p>Confirm that this address is yours.</p>
            <TokenForm action={verifyEmailAction} token={token} label="Confirm my address" pendingText="Confirming…" />
          </>
        ) : (
          <p role="alert">This link is incomplete. Open the whole link from the email, or sign in and ask for a new one.</p>
        )}
      </div>
    </div>
  );
}
