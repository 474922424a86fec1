import { SEARCH_MAX_LENGTH } from "@/lib/validation/api/people";

/** A plain GET form to /people: works without JavaScript, and the query stays in the URL. */
export function PeopleSearch({ q = "", topic, id = "people-q", compact = false }: { q?: string; topic?: string; id?: string; compact?: boolean }) {
  return (
    <form action="/people" method="get" role="search" className="flex w-full items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Find people
      </label>
      <input
        id={id}
        name="q"
        type="search"
        className={`input ${compact ? "py-1 text-sm" : ""}`}
        placeholder={compact ? "Find people…" : "Name, @handle, topic…"}
        defaultValue={q}
        maxLength={SEARCH_MAX_LENGTH}
        autoComplete="off"
      />
      {topic ? <input type="hidden" name="topic" value={topic} /> : null}
      {/* Compact (the header): Enter searches; the button stays for keyboards and screen readers. */}
      <button type="submit" className={compact ? "sr-only" : "btn-primary"}>
        {compact ? "Find" : "Search"}
      </button>
    </form>
  );
}
