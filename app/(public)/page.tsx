import Link from "next/link";
import { Dashboard } from "@/components/dashboard/dashboard";
import { DashboardSuggestions } from "@/components/dashboard/suggestions";
import { FirstSteps } from "@/components/dashboard/first-steps";
import { loadHomePage } from "@/lib/server/loaders/dashboard";

export default async function HomePage() {
  const { viewer, dashboard, now, suggestions, firstSteps } = await loadHomePage();
  if (viewer) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Welcome, {viewer.name}</h1>
        {firstSteps ? <FirstSteps steps={firstSteps} /> : null}
        {suggestions.length > 0 ? <DashboardSuggestions suggestions={suggestions} /> : null}
        <Dashboard dashboard={dashboard} now={now} />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-orange-700 dark:text-orange-400">Rapport</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">Warm up before you connect.</h1>
      <p className="mt-4 max-w-[60ch] text-lg muted">
        A professional network with manners. Before you ask someone to connect, talk to them in public: reply to their
        posts, mention them, thank them. Each member sets their own protocol, and everyone can see how warm each
        relationship is and what to do next.
      </p>
      <div className="mt-8 flex gap-3">
        <Link href="/signup" className="btn-primary">Create an account</Link>
        <Link href="/signin" className="btn-secondary">Sign in</Link>
      </div>
      <ol className="mt-12 grid gap-4 sm:grid-cols-3">
        {[
          ["Talk first", "Comment, reply, mention or give kudos — in public, where it counts."],
          ["Watch it warm", "A bar per relationship shows what’s done and the one next step."],
          ["Then connect", "When you’re warm, send a personal note. They see your history together."],
        ].map(([title, text], i) => (
          <li key={title} className="card">
            <p className="text-sm font-semibold"><span aria-hidden className="mr-2 text-orange-700">{i + 1}</span>{title}</p>
            <p className="mt-1 text-sm muted">{text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
