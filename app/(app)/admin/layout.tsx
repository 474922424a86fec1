import type { ReactNode } from "react";
import Link from "next/link";
import { loadAdminFactorPrompt } from "@/lib/server/loaders/admin-factor-prompt";

/** Every admin page: an admin without a second factor is asked, kindly and each time, to add one. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const prompt = await loadAdminFactorPrompt();
  return (
    <>
      {prompt ? (
        <div role="note" data-testid="admin-factor-prompt" className="mx-auto mb-4 max-w-4xl rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <p>
            <span className="font-medium">Protect your admin account with a second factor.</span> Admins can suspend members and remove content, so a
            stolen password should not be enough. <Link href="/settings/security" className="underline">Add a passkey or an authenticator app</Link>.
          </p>
        </div>
      ) : null}
      {children}
    </>
  );
}
