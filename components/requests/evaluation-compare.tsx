import { CriteriaBars } from "@/components/relationship/criteria-bars";
import { WarmthProgress } from "@/components/relationship/warmth-progress";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { describePolicy } from "@/lib/warmup/describe";
import type { RequestSnapshot } from "@/lib/warmup/snapshot";
import type { CriterionResult, Evaluation } from "@/lib/warmup/types";

/** Lines like "Points: 6 → 9", for the criteria that moved (or appeared) since the request was sent. */
export function changes(then: CriterionResult[], now: CriterionResult[]): string[] {
  const before = new Map(then.map((c) => [c.key, c]));
  const out: string[] = [];
  for (const c of now) {
    const b = before.get(c.key);
    const name = c.label.split(":")[0];
    if (!b) out.push(`${name} is a new requirement: ${c.current} of ${c.required}.`);
    else if (b.current !== c.current || b.required !== c.required) {
      out.push(`${name}: ${b.current} of ${b.required} then, ${c.current} of ${c.required} now.`);
    }
  }
  for (const b of then) if (!now.some((c) => c.key === b.key)) out.push(`${b.label.split(":")[0]} is no longer required.`);
  return out;
}

/**
 * The evaluation stored when the request was sent, beside the evaluation now (under the
 * recipient's protocol now), and what changed in between.
 */
export async function EvaluationCompare({
  snapshot,
  now,
  requesterFirst,
  recipientFirst,
}: {
  snapshot: RequestSnapshot | null;
  now: Evaluation | null;
  /** null when the requester is the one reading */
  requesterFirst: string | null;
  /** null when the recipient is the one reading */
  recipientFirst: string | null;
}) {
  const fmt = await dateFormat();
  const diff = snapshot && now ? changes(snapshot.evaluation.criteria, now.criteria) : [];
  const who = requesterFirst ?? "you";
  const protocol = recipientFirst ? `${recipientFirst}'s protocol` : "your protocol";
  const still = requesterFirst ? `${requesterFirst} still meets ${protocol}.` : `You still meet ${protocol}.`;
  const noLonger = `${requesterFirst ?? "You"} no longer ${requesterFirst ? "meets" : "meet"} every part of ${protocol} (interactions age out, or the rules changed).`;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <section className="space-y-3 rounded-lg border border-stone-200 p-3 dark:border-stone-800" aria-labelledby="eval-then">
          <h3 id="eval-then" className="text-sm font-semibold">
            When {who} asked{snapshot ? ` · ${fmt.date(snapshot.takenAt)}` : ""}
          </h3>
          {snapshot ? (
            <>
              <WarmthProgress percent={snapshot.evaluation.percent} status="warm" label={`Warm-up when ${who} asked`} />
              <CriteriaBars criteria={snapshot.evaluation.criteria} caption="Criteria when the request was sent" />
              <p className="text-xs muted">
                {recipientFirst ? `${recipientFirst}'s protocol then: ` : "Your protocol then: "}
                {recipientFirst ? describePolicy(snapshot.policy, recipientFirst) : snapshot.policyText}
              </p>
            </>
          ) : (
            <p className="text-sm muted">No record of the evaluation at send time.</p>
          )}
        </section>
        <section className="space-y-3 rounded-lg border border-stone-200 p-3 dark:border-stone-800" aria-labelledby="eval-now">
          <h3 id="eval-now" className="text-sm font-semibold">Now</h3>
          {now ? (
            <>
              <WarmthProgress percent={now.percent} status={now.gateMet ? "warm" : "warming"} label={`Warm-up now`} />
              <CriteriaBars criteria={now.criteria} caption="Criteria now" />
              <p className="text-xs muted">
                {now.gateMet ? still : noLonger}
              </p>
            </>
          ) : (
            <p className="text-sm muted">Not available.</p>
          )}
        </section>
      </div>
      {snapshot && now ? (
        <div className="text-sm">
          <h3 className="font-semibold">What changed</h3>
          {diff.length ? (
            <ul className="mt-1 list-disc pl-5">
              {diff.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing: the picture is the same as when they asked.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
