import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import { dateFormat } from "@/lib/server/loaders/date-format";

export const metadata = { title: "Account suspended" };

export default async function SuspendedPage() {
  const fmt = await dateFormat();
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  if (!viewer.suspended) redirect("/");
  return (
    <div className="mx-auto max-w-lg card" role="alert">
      <h1 className="text-xl font-semibold">Your account is suspended</h1>
      <p className="mt-2">
        {viewer.suspended.until ? `Until ${fmt.date(viewer.suspended.until)}.` : "Until a moderator lifts it."}
      </p>
      {viewer.suspended.reason ? <p className="mt-2 muted">Reason: {viewer.suspended.reason}</p> : null}
      <p className="mt-4 text-sm muted">While suspended you can&apos;t post, interact or send requests. Your pending requests were withdrawn.</p>
    </div>
  );
}
