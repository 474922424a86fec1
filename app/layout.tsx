import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { VerifyEmailBanner } from "@/components/email/verify-banner";
import { resendVerificationAction } from "@/lib/server/actions/email-verification";
import { signOutAction } from "@/lib/server/actions/session";
import { loadLayout } from "@/lib/server/loaders/layout";
import "./globals.css";

// Every page is per-member and carries a per-request CSP nonce: render on each request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Rapport", template: "%s · Rapport" },
  description: "A professional network with manners: warm up before you connect.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { viewer, counts } = await loadLayout();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
          Skip to content
        </a>
        <SiteHeader viewer={viewer} counts={counts} signOutAction={signOutAction} />
        {viewer && !viewer.emailVerified ? <VerifyEmailBanner action={resendVerificationAction} /> : null}
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
