import { TabNav } from "./tab-nav";

const TABS = [
  { key: "account", href: "/settings/account", label: "Profile" },
  { key: "protocol", href: "/settings/protocol", label: "My protocol" },
  { key: "notifications", href: "/settings/notifications", label: "Notifications" },
  { key: "security", href: "/settings/security", label: "Security" },
  { key: "tokens", href: "/settings/tokens", label: "API tokens" },
  { key: "blocked", href: "/settings/blocked", label: "Blocked" },
] as const;

export function SettingsNav({ current }: { current: (typeof TABS)[number]["key"] }) {
  return <TabNav label="Settings" tabs={TABS} current={current} />;
}
