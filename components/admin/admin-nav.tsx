import { TabNav } from "@/components/layout/tab-nav";

const TABS = [
  { key: "reports", href: "/admin", label: "Reports" },
  { key: "members", href: "/admin/members", label: "Members" },
  { key: "settings", href: "/admin/settings", label: "Settings" },
  { key: "audit", href: "/admin/audit", label: "Audit log" },
  { key: "email", href: "/admin/email", label: "Email" },
] as const;

export function AdminNav({ current, openReports }: { current: (typeof TABS)[number]["key"]; openReports?: number }) {
  const badge = openReports ? (
    <span className="ml-1 rounded-full bg-orange-700 px-1.5 text-xs font-semibold text-white" aria-label={`${openReports} open`}>
      {openReports}
    </span>
  ) : null;
  return <TabNav label="Administration" tabs={TABS.map((t) => (t.key === "reports" ? { ...t, badge } : t))} current={current} />;
}
