"use server";
import { finishFirstFactor } from "@/lib/server/auth/finish-first-factor";
import { headers } from "next/headers";
import { failure, type ActionState } from "@/lib/server/action-result";
import { clientIp } from "@/lib/server/request-ip";
import { requestSignInLink, signInWithLink, SIGNIN_LINK_SENT_MESSAGE } from "@/lib/server/services/accounts/sign-in-link";
import { formObject, formString } from "@/lib/validation/form-data";
import type { TSignInLinkRequest } from "@/lib/validation/email";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** /signin/link: the same answer whether or not the address has an account. */
export async function requestSignInLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requestSignInLink(await getDb(), { input: formObject(form, ["email"]) as TSignInLinkRequest, ip: clientIp(await headers()), now: systemNow() });
  } catch (e) {
    return failure(e, form);
  }
  return { ok: true, message: SIGNIN_LINK_SENT_MESSAGE };
}

/**
 * /signin/link?token=…: the page only shows a button (mail scanners open links; a GET must
 * not spend the token), and this spends it and starts the session.
 */
export async function signInWithLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof signInWithLink>>;
  try {
    result = await signInWithLink(await getDb(), { token: formString(form, "token"), now: systemNow() });
  } catch (e) {
    return failure(e);
  }
  return finishFirstFactor(result, "/");
}
