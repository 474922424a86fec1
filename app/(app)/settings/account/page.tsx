import { SettingsNav } from "@/components/layout/settings-nav";
import { ProfileForm } from "./profile-form";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";
import { DeleteAccountForm } from "./delete-account-form";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/server/actions/sessions";
import { deleteAccountAction } from "@/lib/server/actions/account-deletion";
import { DELETION_GRACE_DAYS } from "@/lib/validation/account";
import { ChangeEmailForm } from "./change-email-form";
import { changeEmailAction } from "@/lib/server/actions/email-verification";
import { loadAccountSettingsPage } from "@/lib/server/loaders/settings-account";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { updateDatePrefsAction } from "@/lib/server/actions/account";
import { timeZoneChoices } from "@/lib/dates/prefs";
import { DatePrefsForm } from "./date-prefs-form";
import { LinkedAccounts } from "./linked-accounts";
import { MastodonAccount } from "./mastodon-account";
import { GitHubAccount } from "./github-account";
import { linkGitHubAction } from "@/lib/server/actions/linked-github";
import { linkMastodonAction } from "@/lib/server/actions/linked-mastodon";
import { linkBlueskyAction, unlinkAccountAction } from "@/lib/server/actions/linked-accounts";
import { setFindInteractionsAction } from "@/lib/server/actions/offers";
import { FindInteractionsForm } from "./find-interactions-form";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage({ searchParams }: { searchParams: Promise<{ deletion?: string }> }) {
  const { deletion } = await searchParams;
  const { viewer, m, profile, discoverable, hasPassword, browserLocale, bluesky, mastodon, github, githubSignIn, find, verifyEnabled } = await loadAccountSettingsPage();
  const fmt = await dateFormat();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="account" />
      {deletion === "cancelled" ? (
        <p role="status" className="card mb-6 border-green-300 text-sm dark:border-green-800" data-testid="deletion-cancelled">
          <span className="font-medium">Welcome back — your account is no longer being deleted.</span> Signing in cancelled it; everything is as you left it.
        </p>
      ) : null}
      <div className="card">
        <p className="mb-4 text-sm muted">Signed in as {m.email} · @{m.handle}</p>
        <ProfileForm profile={profile} discoverable={discoverable} />
      </div>
      <section className="card mt-6 space-y-4" aria-labelledby="dates-title">
        <h2 id="dates-title" className="text-lg font-semibold">
          Dates and times
        </h2>
        <DatePrefsForm
          action={updateDatePrefsAction}
          timeZone={viewer.timeZone}
          dateLocale={viewer.dateLocale}
          zones={timeZoneChoices()}
          example={fmt.dateTime(fmt.now)}
          browserLocale={browserLocale}
        />
      </section>
      <section className="card mt-6 space-y-4" aria-labelledby="linked-title">
        <h2 id="linked-title" className="text-lg font-semibold">
          Linked accounts
        </h2>
        <LinkedAccounts bluesky={bluesky} link={linkBlueskyAction} unlink={unlinkAccountAction} enabled={verifyEnabled} />
        <MastodonAccount mastodon={mastodon} link={linkMastodonAction} unlink={unlinkAccountAction} enabled={verifyEnabled} />
        <GitHubAccount github={github} signIn={githubSignIn} link={linkGitHubAction} unlink={unlinkAccountAction} enabled={verifyEnabled} />
        {verifyEnabled ? (
          <FindInteractionsForm on={find.on} networks={find.networks} readable={find.readable} action={setFindInteractionsAction} />
        ) : null}
      </section>
      <section className="card mt-6 space-y-6" aria-labelledby="security-title">
        <h2 id="security-title" className="text-lg font-semibold">
          Sign-in and security
        </h2>
        <ChangeEmailForm action={changeEmailAction} current={m.email} />
        <hr className="border-stone-200 dark:border-stone-800" />
        <ChangePasswordForm action={changePasswordAction} hasPassword={hasPassword} />
        <hr className="border-stone-200 dark:border-stone-800" />
        <div className="space-y-2">
          <h3 className="font-semibold">Other browsers and devices</h3>
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </div>
      </section>
      <section className="card mt-6 space-y-4" aria-labelledby="data-title">
        <h2 id="data-title" className="text-lg font-semibold">
          Your data
        </h2>
        <div className="space-y-2">
          <p className="text-sm muted">
            One JSON file with everything Rapport keeps about you: profile, protocol, posts, comments, reactions, kudos, interactions, requests, connections,
            blocks, notifications, tokens (names and prefixes only) and your account&rsquo;s history.
          </p>
          <a href="/api/v1/me/export" download className="btn-secondary inline-block">
            Download my data
          </a>
        </div>
        <hr className="border-stone-200 dark:border-stone-800" />
        <DeleteAccountForm action={deleteAccountAction} hasPassword={hasPassword} graceDays={DELETION_GRACE_DAYS} />
      </section>
    </div>
  );
}
