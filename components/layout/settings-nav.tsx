import Link from "next/link";

const TABS = [
  { key: "account", href: "/settings/account", label: "Profile" },
  { key: "protocol", href: "/settings/protocol", label: "My protocol" },
  { key: "tokens", href: "/settings/tokens", label: "API tokens" },
] as const;

export function SettingsNav({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Settings" className="my-4 flex gap-1 border-b border-stone-200 dark:border-stone-800">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm no-underline ${t.key === current ? "border-orange-700 font-medium" : "border-transparent muted hover:text-stone-900 dark:hover:text-white"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
