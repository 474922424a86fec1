import { SettingsNav } from "@/components/layout/settings-nav";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenForm } from "./revoke-token-form";
import { loadTokensPage } from "@/lib/server/loaders/settings-tokens";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const fmt = await dateFormat();
  const { tokens, viewer, now } = await loadTokensPage();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="tokens" />
      <div className="space-y-6">
        <section className="card" aria-labelledby="new-token-title">
          <h2 id="new-token-title" className="text-lg font-semibold">
            New token
          </h2>
          <p className="mb-4 mt-1 text-sm muted">
            Personal access tokens let scripts and integrations use the <a href="/api/v1/openapi.json" className="underline">Rapport API</a> as
            you, limited to the scopes you give them. Give each one its own token with only what it needs, so you can revoke one without the
            others.
          </p>
          <CreateTokenForm isAdmin={viewer.role === "admin"} />
        </section>

        <section className="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title" className="text-lg font-semibold">
            Your tokens
          </h2>
          {tokens.length === 0 ? (
            <p className="mt-2 text-sm muted">You have no tokens yet. Nothing can use the API as you until you create one.</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{t.name}</p>
                    <p className="text-sm muted">
                      <code aria-label={`starts with rpt_${t.prefix}`}>rpt_{t.prefix}…</code> · created{" "}
                      <time dateTime={t.createdAt.toISOString()}>{fmt.date(t.createdAt)}</time> ·{" "}
                      {t.lastUsedAt ? (
                        <>
                          last used <time dateTime={t.lastUsedAt.toISOString()}>{fmt.dateTime(t.lastUsedAt)}</time>
                          {t.lastUsedIp ? <> from {t.lastUsedIp}</> : null}
                        </>
                      ) : (
                        "never used"
                      )}
                    </p>
                    <p className="text-sm muted">
                      {t.scopes.map((s) => (
                        <code key={s} className="mr-1 rounded bg-stone-100 px-1 text-xs dark:bg-stone-800">
                          {s}
                        </code>
                      ))}
                      ·{" "}
                      {t.expiresAt === null ? (
                        <span className="text-amber-800 dark:text-amber-300">never expires</span>
                      ) : t.expiresAt.getTime() <= now.getTime() ? (
                        <span className="text-red-700 dark:text-red-400">
                          expired <time dateTime={t.expiresAt.toISOString()}>{fmt.date(t.expiresAt)}</time>
                        </span>
                      ) : (
                        <>
                          expires <time dateTime={t.expiresAt.toISOString()}>{fmt.date(t.expiresAt)}</time>
                        </>
                      )}
                    </p>
                  </div>
                  <RevokeTokenForm id={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
