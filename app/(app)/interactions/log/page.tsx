import { BackLink } from "@/components/ui/back-link";
import { LogForm } from "./log-form";
import { loadLogInteractionPage } from "@/lib/server/loaders/interactions-log";

export const metadata = { title: "Log an interaction" };

export default async function LogInteractionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { today, yearAgo } = await loadLogInteractionPage();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <BackLink href="/interactions">Interactions</BackLink>
      <h1 className="text-2xl font-semibold">Log an interaction</h1>
      <p className="muted">
        Replied to someone on X, met them at a conference, commented on their blog? Record it here. They&apos;ll be asked to confirm it; until
        then it counts as their protocol says for pending interactions (usually half).
      </p>
      <div className="card">
        <LogForm defaultTarget={typeof sp.to === "string" ? sp.to.replace(/^@/, "") : ""} today={today} minDate={yearAgo} />
      </div>
    </div>
  );
}
