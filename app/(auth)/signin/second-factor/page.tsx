import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import { loadSecondStep } from "@/lib/server/loaders/second-step";
import { SecondStepForm } from "./second-step-form";
import { PasskeySignIn } from "../passkey-sign-in";

export const metadata = { title: "Confirm it's you" };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string; method?: string }> }) {
  const { next, method } = await searchParams;
  if (await getViewer()) redirect("/");
  await cookies();
  const step = await loadSecondStep();
  const safeNext = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  if (!step) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-semibold">Confirm it&apos;s you</h1>
        <p className="card text-sm">
          That sign-in took too long or has ended. <Link href={`/signin?next=${encodeURIComponent(safeNext)}`} className="underline">Sign in again</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Confirm it&apos;s you</h1>
      <p className="mb-6 text-sm muted">Your password (or the service you signed in with) was right. Your account also asks for a second factor.</p>
      <div className="card space-y-5">
        {step.passkey ? <PasskeySignIn next={safeNext} label="Use your passkey" /> : null}
        <SecondStepForm key={method} next={safeNext} totp={step.totp} method={method === "recovery" ? "recovery" : "totp"} />
      </div>
    </div>
  );
}
