import type { ButtonAction, FormAction } from "@/lib/server/action-result";
import type { KudosItem } from "@/lib/server/queries/kudos-wall";
import { Avatar } from "@/components/ui/avatar";
import { PostBody } from "@/components/feed/post-body";
import { Byline } from "@/components/feed/byline";
import { DeleteButton } from "@/components/ui/delete-button";
import { KudosForm } from "./kudos-form";
import { ReportLink } from "@/components/reports/report-link";
import { dateFormat } from "@/lib/server/loaders/date-format";

type Member = { id: string; handle: string; name: string; blockedByViewer?: boolean };

/** The public thank-yous on a member's profile, and the form to add one (signed-in, not yourself). */
export async function KudosWall({
  member,
  viewer,
  kudos,
  giveKudosAction,
  deleteKudosAction,
}: {
  member: Member;
  viewer: { id: string } | null;
  /** the wall, as the page read it */
  kudos: { items: KudosItem[]; total: number };
  giveKudosAction: FormAction;
  deleteKudosAction: ButtonAction;
}) {
  const fmt = await dateFormat();
  const { items, total } = kudos;
  const firstName = member.name.split(" ")[0];
  const canGive = viewer !== null && viewer.id !== member.id && !member.blockedByViewer;
  return (
    <section className="card space-y-4" aria-labelledby="kudos-heading">
      <h2 id="kudos-heading" className="text-lg font-semibold">
        Kudos <span className="text-sm font-normal muted">({total})</span>
      </h2>
      {canGive ? <KudosForm recipientHandle={member.handle} firstName={firstName} giveKudosAction={giveKudosAction} /> : null}
      {items.length === 0 ? (
        <p className="text-sm muted">
          {viewer?.id === member.id ? "No kudos yet. They come when you help people out in the open." : `No kudos for ${firstName} yet.`}
        </p>
      ) : (
        <ul className="space-y-3">
          {items.map((k) => (
            <li key={k.id} id={`kudos-${k.id}`} className="flex scroll-mt-20 gap-3">
              <Avatar name={k.author.name} seed={k.author.id} size="sm" />
              <div className="min-w-0 flex-1">
                <Byline author={k.author} createdAt={k.createdAt} fmt={fmt} />
                <PostBody body={k.body} className="prose-post text-sm" />
                {viewer && viewer.id !== k.author.id ? (
                  <ReportLink type="kudos" id={k.id} label={`kudos from ${k.author.name}`} />
                ) : null}
                {viewer?.id === k.author.id ? (
                  <DeleteButton action={deleteKudosAction} id={k.id} label="Delete kudos" className="mt-1" />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
