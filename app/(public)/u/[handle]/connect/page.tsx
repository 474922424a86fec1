import { BackLink } from "@/components/ui/back-link";
import { notFound, redirect } from "next/navigation";
import { CriteriaBars } from "@/components/relationship/criteria-bars";
import { NoteForm } from "@/components/relationship/note-form";
import { sendRequestAction } from "@/lib/server/actions/connect";
import { loadConnectPage } from "@/lib/server/loaders/connect";

export const metadata = { title: "Connect" };

type Props = { params: Promise<{ handle: string }> };

/** The note form on its own page: where "Connect" leads without JavaScript. */
export default async function ConnectPage({ params }: Props) {
  const { handle: raw } = await params;
  const handle = decodeURIComponent(raw).replace(/^@/, "");
  const data = await loadConnectPage(handle);
  if (!data) notFound();
  const { profile, relationship: rel } = data;
  const first = profile.name.split(" ")[0];
  // Anything but "warm, with budget left" is explained on the profile itself.
  if (!rel) redirect(`/u/${profile.handle}`);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <BackLink href={`/u/${profile.handle}`}>{profile.name}</BackLink>
      <h1 className="text-2xl font-semibold">Ask {first} to connect</h1>
      <section className="card space-y-3" aria-labelledby="warm-h">
        <h2 id="warm-h" className="text-sm font-semibold">You&rsquo;re warmed up with {first}</h2>
        <CriteriaBars criteria={rel.evaluation.criteria} caption={`What ${first}'s protocol asks for`} />
        <p className="text-xs muted">
          {first} will see your note first, then your history together and this evaluation as it is when you send.
        </p>
      </section>
      <section className="card">
        <NoteForm handle={profile.handle} firstName={first} sendRequestAction={sendRequestAction} />
      </section>
    </div>
  );
}
