import { SettingsNav } from "@/components/layout/settings-nav";
import type { DateFormat } from "@/lib/dates/format";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { loadSecurityPage } from "@/lib/server/loaders/settings-security";
import { AddPasskeyForm } from "./add-passkey-form";
import { RemoveFactorForm } from "./remove-factor-form";
import { TotpSetup } from "./totp-setup";
import { RecoveryCodesForm } from "./recovery-codes-form";

export const metadata = { title: "Security" };

function LastUse({ at, fmt }: { at: Date | null; fmt: DateFormat }) {
  return at ? (
    <>
      last used <time dateTime={at.toISOString()}>{fmt.dateTime(at)}</time>
    </>
  ) : (
    <>never used</>
  );
}

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ codes?: string }> }) {
  const [{ factors, hasPassword }, { codes }, fmt] = await Promise.all([loadSecurityPage(), searchParams, dateFormat()]);
  const hasFactor = factors.passkeys.length > 0 || factors.totp !== null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="security" />
      <div className="space-y-6">
        <section className="card" aria-labelledby="factors-title">
          <h2 id="factors-title" className="text-lg font-semibold">
            Second factor
          </h2>
          <p className="mt-1 text-sm muted" data-testid="factor-status">
            {!hasFactor
              ? "Off. Add a passkey or an authenticator app, so a stolen password alone can't open your account."
              : factors.totp
                ? "On. Signing in with your password also asks for a code from your authenticator app (or a recovery code); a passkey signs you in by itself."
                : "On. Signing in with your password also asks for your passkey (or a recovery code); a passkey signs you in by itself."}
          </p>
          {codes === "low" && factors.recoveryCodes.left <= 3 ? (
            <p role="status" className="mt-3 text-sm text-amber-800 dark:text-amber-300">
              You have {factors.recoveryCodes.left} recovery code{factors.recoveryCodes.left === 1 ? "" : "s"} left. Make new ones below.
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="passkeys-title">
          <h2 id="passkeys-title" className="text-lg font-semibold">
            Passkeys
          </h2>
          <p className="mb-4 mt-1 text-sm muted">
            A passkey lives on your device or security key and is unlocked with your fingerprint, face or PIN. It signs you in by itself — no password
            to type or to steal.
          </p>
          {factors.passkeys.length ? (
            <ul className="mb-4 divide-y divide-stone-200 dark:divide-stone-800" data-testid="passkey-list">
              {factors.passkeys.map((p) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{p.name}</p>
                    <p className="text-sm muted">
                      added <time dateTime={p.createdAt.toISOString()}>{fmt.date(p.createdAt)}</time> · <LastUse fmt={fmt} at={p.lastUsedAt} />
                    </p>
                  </div>
                  <RemoveFactorForm factor="passkey" id={p.id} label={`passkey “${p.name}”`} askPassword={hasPassword} />
                </li>
              ))}
            </ul>
          ) : null}
          <AddPasskeyForm askPassword={hasPassword} />
        </section>

        <section className="card" aria-labelledby="totp-title">
          <h2 id="totp-title" className="text-lg font-semibold">
            Authenticator app
          </h2>
          {factors.totp ? (
            <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
              <p className="text-sm muted">
                On since <time dateTime={factors.totp.confirmedAt.toISOString()}>{fmt.date(factors.totp.confirmedAt)}</time> ·{" "}
                <LastUse fmt={fmt} at={factors.totp.lastUsedAt} />
              </p>
              <RemoveFactorForm factor="totp" label="authenticator app" askPassword={hasPassword} />
            </div>
          ) : null}
          {/* Always in the tree: it keeps the just-made recovery codes on screen after the page refreshes to "On". */}
          <TotpSetup askPassword={hasPassword} on={factors.totp !== null} />
        </section>

        <section className="card" aria-labelledby="codes-title">
          <h2 id="codes-title" className="text-lg font-semibold">
            Recovery codes
          </h2>
          <p className="mt-1 text-sm muted">
            {factors.recoveryCodes.total
              ? `${factors.recoveryCodes.left} of ${factors.recoveryCodes.total} left. Each one signs you in once, instead of the app, if your phone is lost.`
              : "Ten single-use codes for when your phone or key is lost. You get them with your first passkey or authenticator app."}
            {factors.recoveryCodes.lastUsedAt ? (
              <>
                {" "}
                Last used <time dateTime={factors.recoveryCodes.lastUsedAt.toISOString()}>{fmt.dateTime(factors.recoveryCodes.lastUsedAt)}</time>.
              </>
            ) : null}
          </p>
          {hasFactor ? <RecoveryCodesForm askPassword={hasPassword} hasCodes={factors.recoveryCodes.total > 0} /> : null}
        </section>
      </div>
    </div>
  );
}
