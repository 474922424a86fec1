import { z } from "zod";
import { ZInstant } from "./common";

/** DELETE /me answers with the date the account will be erased (unless its owner signs in before). */
export const ZDeletionScheduled = z
  .object({
    deleteAt: ZInstant.meta({ description: "When the account and everything in it will be erased. Signing in before then cancels the deletion." }),
  })
  .meta({ id: "DeletionScheduled" });

const rows = z.array(z.record(z.string(), z.unknown()));

/** GET /me/export: everything Rapport keeps about you, as one JSON document (lib/server/queries/account-export.ts). */
export const ZAccountExport = z
  .object({
    format: z.literal("rapport-account-export/1"),
    exportedAt: ZInstant,
    profile: z.record(z.string(), z.unknown()).meta({ description: "Your profile and account fields (never the password hash)." }),
    policy: z.record(z.string(), z.unknown()).nullable(),
    oauthAccounts: rows,
    tokens: rows.meta({ description: "Your API tokens by name and prefix; never their secrets or hashes." }),
    passkeys: rows.meta({ description: "Your passkeys by name, with when they were added and last used; never their keys." }),
    authenticatorApp: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "When your authenticator app was set up and last used (null: none); never its secret." }),
    posts: rows,
    comments: rows,
    reactions: rows,
    kudosGiven: rows,
    kudosReceived: rows,
    loggedByMe: rows,
    loggedAboutMe: rows,
    interactionsOut: rows,
    interactionsIn: rows,
    requestsSent: rows.meta({ description: "With the snapshot each request kept of the protocol and progress it was sent under." }),
    requestsReceived: rows,
    connections: rows,
    blocksMade: rows,
    notifications: rows,
    introductions: rows,
    reports: rows.meta({ description: "Reports you filed." }),
    relationshipSummaries: rows.meta({ description: "Your stored progress toward others." }),
    auditEvents: rows.meta({ description: "Account events you made or that concern your account." }),
  })
  .meta({ id: "AccountExport" });
