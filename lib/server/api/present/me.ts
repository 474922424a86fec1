import "server-only";
import type { z } from "zod";
import type { MeRow } from "@/lib/server/queries/me";
import type { ZMe } from "@/lib/validation/api/member";
import { linkedAccountOut } from "./linked-accounts";
import { iso } from "./common";

/** The caller's own account (GET/PATCH /me, sign-up). */
export const meOut = (m: MeRow): z.input<typeof ZMe> => ({ ...m, linkedAccounts: m.linkedAccounts.map(linkedAccountOut), createdAt: iso(m.createdAt) });
