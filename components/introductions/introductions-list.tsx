import { dateFormat } from "@/lib/server/loaders/date-format";

type Person = { handle: string; name: string };

export type IntroductionListItem = { id: string; introducer: Person; note: string; createdAt: Date };

type Props = {
  /** introductions of one member to another (lib/server/queries/introductions.ts introductionsOf) */
  introductions: IntroductionListItem[];
  /** e.g. "Introductions" or "Introduced to you"; omit for no heading */
  title?: string;
  /** shown when the list is empty; omit to render nothing then */
  empty?: string;
};

/** "Introduced by Dev on 3 Dec: …" — the introducer's words, as social proof. Server component. */
export async function IntroductionsList({ introductions, title, empty }: Props) {
  const fmt = await dateFormat();
  if (introductions.length === 0 && !empty) return null;
  return (
    <section className="space-y-2 text-sm" aria-label={title ?? "Introductions"}>
      {title ? <h3 className="font-medium">{title}</h3> : null}
      {introductions.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="space-y-2">
          {introductions.map((i) => (
            <li key={i.id} className="rounded-lg bg-connected-soft/60 px-3 py-2 dark:bg-green-950/40">
              <p>
                Introduced by{" "}
                <a href={`/u/${i.introducer.handle}`} className="font-medium underline">
                  {i.introducer.name.split(" ")[0]}
                </a>{" "}
                on{" "}
                <time dateTime={i.createdAt.toISOString()} title={fmt.dateTime(i.createdAt)}>
                  {fmt.date(i.createdAt)}
                </time>
                :
              </p>
              <blockquote className="prose-post mt-1 border-l-2 border-green-700/40 pl-2 italic">{i.note}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
