import { SettingsNav } from "@/components/layout/settings-nav";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";
import { ChangeEmailForm } from "./change-email-form";
import { changeEmailAction } from "@/lib/server/actions/email-verification";
import { signOutEverywhereAction } from "@/lib/server/actions/sessions";
import { loadAccountSettingsPage } from "@/lib/server/loaders/settings-account";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const { m, profile, discoverable } = await loadAccountSettingsPage();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="account" />
      <div className="card">
        <p className="mb-4 text-sm muted">Signed in as {m.email} · @{m.handle}</p>
        <ProfileForm profile={profile} discoverable={discoverable} />
      </div>
      <section className="card mt-6 space-y-6" aria-labelledby="security-title">
        <h2 id="security-title" className="text-lg font-semibold">
          Sign-in and security
        </h2>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
        <ChangeEmailForm action={changeEmailAction} current={m.email} />
      </section>
    </div>
  );
}
