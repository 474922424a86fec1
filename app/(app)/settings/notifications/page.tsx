import { SettingsNav } from "@/components/layout/settings-nav";
import { requireMemberPage } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { emailDelivers } from "@/lib/server/email/config";
import { readEmailPrefs } from "@/lib/email/categories";
import { updateEmailPrefsAction } from "@/lib/server/actions/email-prefs";
import { EmailPrefsForm } from "./email-prefs-form";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const viewer = await requireMemberPage();
  const row = await (await getDb()).member.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true, emailPrefs: true } });
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="notifications" />
      <div className="card space-y-4">
        <h2 className="text-lg font-semibold">Email</h2>
        <p className="text-sm muted">
          Choose what reaches {row.email}, and when. In-app notifications always stay on. Emails about your account (confirming your
          address, resetting your password) are always sent.
        </p>
        {emailDelivers() ? null : (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">Email is not configured on this server yet, so nothing is sent for now.</p>
        )}
        <EmailPrefsForm action={updateEmailPrefsAction} prefs={readEmailPrefs(row.emailPrefs)} />
      </div>
    </div>
  );
}
