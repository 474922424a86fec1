import Link from "next/link";

const TABS = [
  { key: "reports", href: "/admin", label: "Reports" },
  { key: "members", href: "/admin/members", label: "Members" },
  { key: "settings", href: "/admin/settings", label: "Settings" },
  { key: "audit", href: "/admin/audit", label: "Audit log" },
] as const;

export function AdminNav({ current, openReports }: { current: (typeof TABS)[number]["key"]; openReports?: number }) {
  return (
    <nav aria-label="Administration" className="my-4 flex flex-wrap gap-1 border-b border-stone-200 dark:border-stone-800">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm no-underline ${t.key === current ? "border-orange-700 font-medium" : "border-transparent muted hover:text-stone-900 dark:hover:text-white"}`}
        >
          {t.label}
          {t.key === "reports" && openReports ? (
            <span className="ml-1 rounded-full bg-orange-700 px-1.5 text-xs font-semibold text-white" aria-label={`${openReports} open`}>
              {openReports}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
