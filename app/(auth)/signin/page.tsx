import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import { oauthProviders } from "@/lib/server/auth/options";
import { SigninForm } from "./signin-form";
import { dateFormat } from "@/lib/server/loaders/date-format";

export const metadata = { title: "Sign in" };

export default async function SigninPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; leaving?: string; reset?: string }>;
}) {
  const fmt = await dateFormat();
  const { next, error, leaving, reset } = await searchParams;
  const leavingOn = leaving && /^\d{4}-\d{2}-\d{2}$/.test(leaving) ? leaving : null;
  if (await getViewer()) redirect("/");
  const oauth = oauthProviders().map((p) => ({ id: p.id, name: p.name }));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      {reset ? <p role="status" className="mb-4 text-sm text-green-700 dark:text-green-400">Your new password is saved. Sign in with it.</p> : null}
      {error ? <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">That sign-in didn&apos;t work. Please try again.</p> : null}
      {leavingOn ? (
        <div role="status" className="card mb-4 text-sm" data-testid="deletion-scheduled">
          <p className="font-medium">Your account will be deleted on {fmt.day(leavingOn)}.</p>
          <p className="mt-1 muted">You are signed out everywhere. Changed your mind? Sign in before then and your account stays, as it was.</p>
        </div>
      ) : null}
      <div className="card">
        <SigninForm next={next?.startsWith("/") ? next : "/"} oauth={oauth} />
      </div>
    </div>
  );
}
