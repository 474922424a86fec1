import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import LinkedInProvider from "next-auth/providers/linkedin";
import { SESSION_MAX_AGE, sessionCookieName, secureCookies } from "./cookies";
import { authSecret } from "./secret";
import { setPendingSignInCookie } from "./pending-sign-in";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { settleDeletionOnSignIn } from "@/lib/server/services/accounts/cancel-deletion";
import { signInWithOauth } from "@/lib/server/services/accounts/oauth-sign-in";
import { clientIp } from "@/lib/server/request-ip";
import { getDb } from "@/lib/server/db";
import { secondFactorsOf } from "@/lib/server/queries/factors";
import { systemNow } from "@/lib/server/clock";
import { SESSION_VERSION_CLAIM, currentSessionVersion, sessionVersionOf } from "./session-version";

/** OAuth providers are on only when both their id and secret are configured. */
export function oauthProviders() {
  const env = process.env;
  const list = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
    list.push(GitHubProvider({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET)
    list.push(GoogleProvider({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  if (env.AUTH_LINKEDIN_ID && env.AUTH_LINKEDIN_SECRET)
    list.push(LinkedInProvider({ clientId: env.AUTH_LINKEDIN_ID, clientSecret: env.AUTH_LINKEDIN_SECRET }));
  return list;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    useSecureCookies: secureCookies(),
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const ip = clientIp(new Headers((req?.headers ?? {}) as Record<string, string>));
          const result = await signInWithPassword(await getDb(), { input: { email: credentials?.email ?? "", password: credentials?.password ?? "" }, ip, now: systemNow() });
          if (!result.ok) return null;
          // With a second factor on, a password alone never makes a session: the sign-in page's second step does.
          if (result.secondFactor) return null;
          return { id: result.memberId };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const memberId = await signInWithOauth(await getDb(), {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? (profile as { email?: string } | undefined)?.email ?? null,
          name: user.name ?? null,
          emailVerified: (profile as { email_verified?: unknown } | undefined)?.email_verified === true,
          now: systemNow(),
        });
        if (!memberId) return "/signin?error=oauth";
        // With a second factor on, the provider stands for the password only: no session yet, the
        // second step (which also settles a pending deletion) makes it. Returning a path refuses
        // this sign-in and sends the browser there, with the pending cookie set on the response.
        if ((await secondFactorsOf(await getDb(), memberId)).any) {
          await setPendingSignInCookie({ memberId, sessionVersion: await currentSessionVersion(await getDb(), memberId), now: systemNow() });
          return "/signin/second-factor";
        }
        // Signing in keeps an account its owner asked to delete (within the grace period).
        if ((await settleDeletionOnSignIn(await getDb(), { memberId, now: systemNow() })) === "erasing") return "/signin?error=oauth";
        user.id = memberId;
        return true;
      },
      async jwt({ token, user }) {
        // At sign-in only: the cookie is stamped with the member's session version then.
        if (user?.id) {
          token.sub = user.id;
          token[SESSION_VERSION_CLAIM] = await currentSessionVersion(await getDb(), user.id);
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, memberId: token.sub, sessionVersion: sessionVersionOf(token) } as typeof session & { memberId?: string; sessionVersion?: number };
      },
    },
  };
}
