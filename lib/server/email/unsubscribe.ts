import "server-only";
import crypto from "node:crypto";
import { authSecret } from "@/lib/server/auth/secret";
import { isEmailCategory, type EmailCategory } from "@/lib/email/categories";
import { absoluteUrl } from "./config";

/**
 * Signed one-click unsubscribe links (RFC 8058): `<memberId>.<category>.<hmac>`, so the link
 * works without signing in and cannot be forged for another member or category.
 */
const mac = (memberId: string, category: string) =>
  crypto.createHmac("sha256", authSecret()).update(`unsubscribe:${memberId}:${category}`).digest("base64url");

export function unsubscribeToken(memberId: string, category: EmailCategory | "digest"): string {
  return `${memberId}.${category}.${mac(memberId, category)}`;
}

export function unsubscribeUrl(memberId: string, category: EmailCategory | "digest"): string {
  return absoluteUrl(`/unsubscribe?t=${encodeURIComponent(unsubscribeToken(memberId, category))}`);
}

export function readUnsubscribeToken(token: string): { memberId: string; category: EmailCategory | "digest" } | null {
  const [memberId, category, sig, ...rest] = token.split(".");
  if (rest.length || !memberId || !sig || !(category === "digest" || isEmailCategory(category))) return null;
  const expected = Buffer.from(mac(memberId, category));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { memberId, category };
}

/** The two headers every category email carries. */
export function unsubscribeHeaders(memberId: string, category: EmailCategory | "digest"): Record<string, string> {
  const token = encodeURIComponent(unsubscribeToken(memberId, category));
  return {
    "List-Unsubscribe": `<${absoluteUrl(`/api/email/unsubscribe?t=${token}`)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
