import Link from "next/link";
import { PersonCard } from "@/components/people/person-card";
import type { PersonCard as Person } from "@/lib/server/queries/person-cards";

/** Three people to warm up with, for a member whose network is still small. */
export function DashboardSuggestions({ suggestions }: { suggestions: { member: Person; reasons: string[] }[] }) {
  return (
    <section aria-labelledby="dash-suggestions" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="dash-suggestions" className="font-semibold">People to warm up with</h2>
        <Link href="/people" className="text-sm underline">Find more people</Link>
      </div>
      <ul className="grid gap-3 md:grid-cols-3">
        {suggestions.map((s) => (
          <PersonCard key={s.member.id} person={s.member} reasons={s.reasons} compact />
        ))}
      </ul>
    </section>
  );
}
