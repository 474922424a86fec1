import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/server/db";
import { unique } from "./sequence";

/** Every factory member can sign in with this password. */
export const KNOWN_PASSWORD = "correct horse battery";

/**
 * argon2id of KNOWN_PASSWORD with the app's parameters (lib/server/auth/password.ts),
 * computed once: hashing per member would cost ~50 ms each.
 */
export const KNOWN_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$yLmTg8iCA1zNp7+IBeNEKQ$q/+gKaTfj7aYH8UkemIYRRUxisJtZls8xuSINMW8LAw";

export type PolicyAttrs = Partial<Omit<Prisma.PolicyUncheckedCreateInput, "memberId">>;

export type MemberAttrs = {
  handle?: string;
  name?: string;
  email?: string;
  headline?: string;
  bio?: string;
  location?: string | null;
  role?: Role;
  createdAt?: Date;
  suspendedAt?: Date | null;
  suspendedUntil?: Date | null;
  suspendedReason?: string | null;
  topics?: string[];
  discoverable?: boolean;
  /** default: verified when created; null: an unverified address (cannot send requests) */
  emailVerifiedAt?: Date | null;
  /** null: an OAuth-only account without a password */
  passwordHash?: string | null;
  /**
   * undefined: a default policy row, as sign-up creates; null: no row (the member then has
   * the `standard` preset); an object: a row with these values.
   */
  policy?: PolicyAttrs | null;
};

export type FactoryMember = Prisma.MemberGetPayload<{ include: { policy: true } }>;

/** Inserts a member directly (no validation, no throttling, no hashing). */
export async function createMember(attrs: MemberAttrs = {}, db?: Tx): Promise<FactoryMember> {
  const client = db ?? (await getDb());
  const handle = (attrs.handle ?? unique("m")).toLowerCase();
  const { policy, ...rest } = attrs;
  return client.member.create({
    data: {
      ...rest,
      handle,
      name: attrs.name ?? `Member ${handle}`,
      email: (attrs.email ?? `${handle}@example.test`).toLowerCase(),
      passwordHash: attrs.passwordHash === undefined ? KNOWN_PASSWORD_HASH : attrs.passwordHash,
      emailVerifiedAt: attrs.emailVerifiedAt === undefined ? (attrs.createdAt ?? new Date()) : attrs.emailVerifiedAt,
      ...(policy === null ? {} : { policy: { create: policy ?? {} } }),
    },
    include: { policy: true },
  });
}

export async function createMembers(count: number, attrs: Omit<MemberAttrs, "handle" | "email"> = {}, db?: Tx) {
  const out: FactoryMember[] = [];
  for (let i = 0; i < count; i++) out.push(await createMember(attrs, db));
  return out;
}

export async function createAdmin(attrs: MemberAttrs = {}, db?: Tx): Promise<FactoryMember> {
  return createMember({ ...attrs, role: "admin" }, db);
}
