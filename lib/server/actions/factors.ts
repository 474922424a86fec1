"use server";
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember, startSession } from "@/lib/server/auth/session";
import { pendingCookieName } from "@/lib/server/auth/pending-sign-in";
import { relyingParty } from "@/lib/server/auth/webauthn-party";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { clientIp } from "@/lib/server/request-ip";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/server/services/factors/passkey-sign-in";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/server/services/factors/register-passkey";
import { generateRecoveryCodes } from "@/lib/server/services/factors/recovery-codes";
import { removeFactor } from "@/lib/server/services/factors/remove-factor";
import { completeSecondStep } from "@/lib/server/services/factors/second-step";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/factors/totp";
import { formString } from "@/lib/validation/form-data";
import type { TRemoveFactorInput, TSecondStepInput } from "@/lib/validation/factors";

/** Only same-site paths are followed after sign-in. */
function safeNext(v: string): string {
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

/** A WebAuthn response travels as JSON text in a form field; unreadable text is simply invalid. */
function jsonField(form: FormData, key: string): unknown {
  try {
    return JSON.parse(formString(form, key));
  } catch {
    return null;
  }
}

export type CodesState = ActionState & { recoveryCodes?: string[] };

export type OptionsState<T> = ActionState & { options?: T };

/** /settings/security: options for adding a passkey (the challenge is kept on the server). */
export async function passkeyRegistrationOptionsAction(): Promise<OptionsState<PublicKeyCredentialCreationOptionsJSON>> {
  try {
    const viewer = await requireMember();
    return { ok: true, options: await startPasskeyRegistration(await getDb(), { memberId: viewer.id, rp: relyingParty(await headers()), now: systemNow() }) };
  } catch (e) {
    return failure(e);
  }
}

/** /settings/security: the browser's new credential, its name and the member's password. */
export async function addPasskeyAction(form: FormData): Promise<CodesState> {
  try {
    const viewer = await requireMember();
    const h = await headers();
    const added = await finishPasskeyRegistration(await getDb(), {
      memberId: viewer.id,
      input: { name: formString(form, "name"), password: formString(form, "password") || undefined, response: jsonField(form, "response") as never },
      rp: relyingParty(h),
      ip: clientIp(h),
      now: systemNow(),
    });
    revalidatePath("/settings/security");
    return { ok: true, message: `Passkey “${added.name}” added. You can now sign in with it alone.`, recoveryCodes: added.recoveryCodes ?? undefined };
  } catch (e) {
    return failure(e, form);
  }
}

/** Sign-in page: options for a passkey sign-in (public: no one is signed in yet). */
export async function passkeySignInOptionsAction(): Promise<OptionsState<PublicKeyCredentialRequestOptionsJSON>> {
  try {
    const h = await headers();
    return { ok: true, options: await startPasskeySignIn(await getDb(), { rp: relyingParty(h), ip: clientIp(h), now: systemNow() }) };
  } catch (e) {
    return failure(e);
  }
}

/** Sign-in page: a passkey's answer signs in by itself (and ends any half-done password sign-in). */
export async function passkeySignInAction(form: FormData): Promise<ActionState> {
  let result;
  try {
    const h = await headers();
    result = await finishPasskeySignIn(await getDb(), { input: jsonField(form, "response"), rp: relyingParty(h), ip: clientIp(h), now: systemNow() });
  } catch (e) {
    return failure(e);
  }
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  await startSession(result.memberId, result.sessionVersion);
  (await cookies()).delete(pendingCookieName());
  redirect(result.deletionCancelled ? "/settings/account?deletion=cancelled" : safeNext(formString(form, "next")));
}

/** The second step of a password sign-in: a code from the app or a recovery code. */
export async function secondStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const jar = await cookies();
  const result = await completeSecondStep(await getDb(), {
    pendingToken: jar.get(pendingCookieName())?.value,
    input: { method: formString(form, "method"), code: formString(form, "code") } as TSecondStepInput,
    now: systemNow(),
  });
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message, fields: result.error.fields };
  await startSession(result.memberId, result.sessionVersion);
  jar.delete(pendingCookieName());
  const next = safeNext(formString(form, "next"));
  // Nearly out of recovery codes: the security page says so and offers new ones.
  if (result.deletionCancelled) redirect("/settings/account?deletion=cancelled");
  redirect(result.recoveryCodesLeft !== null && result.recoveryCodesLeft <= 3 ? "/settings/security?codes=low" : next);
}

/** Abandons a half-done password sign-in. */
export async function cancelSecondStepAction(): Promise<void> {
  (await cookies()).delete(pendingCookieName());
  redirect("/signin");
}

export type TotpSetupState = ActionState & { secret?: string; uri?: string };

/** /settings/security: a new authenticator-app secret, shown now only. */
export async function startTotpAction(_prev: TotpSetupState, _form: FormData): Promise<TotpSetupState> {
  try {
    const viewer = await requireMember();
    const { secret, uri } = await startTotpEnrolment(await getDb(), { memberId: viewer.id, now: systemNow() });
    return { ok: true, secret, uri };
  } catch (e) {
    return failure(e);
  }
}

export async function confirmTotpAction(_prev: CodesState, form: FormData): Promise<CodesState> {
  try {
    const viewer = await requireMember();
    const h = await headers();
    const { recoveryCodes } = await confirmTotpEnrolment(await getDb(), {
      memberId: viewer.id,
      code: formString(form, "code"),
      password: formString(form, "password") || undefined,
      ip: clientIp(h),
      now: systemNow(),
    });
    revalidatePath("/settings/security");
    return { ok: true, message: "Your authenticator app is on. Signing in with your password now asks for a code.", recoveryCodes: recoveryCodes ?? undefined };
  } catch (e) {
    return failure(e, form);
  }
}

export async function regenerateRecoveryCodesAction(_prev: CodesState, form: FormData): Promise<CodesState> {
  try {
    const viewer = await requireMember();
    const h = await headers();
    const codes = await generateRecoveryCodes(await getDb(), { memberId: viewer.id, password: formString(form, "password") || undefined, ip: clientIp(h), now: systemNow() });
    revalidatePath("/settings/security");
    return { ok: true, message: "New recovery codes made. The old ones no longer work.", recoveryCodes: codes };
  } catch (e) {
    return failure(e, form);
  }
}

export async function removeFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const factor = formString(form, "factor");
    if (!["passkey", "totp"].includes(factor)) throw new AppError("validation", "Choose what to remove.", { fields: { factor: ["Choose what to remove."] } });
    const { removed } = await removeFactor(await getDb(), {
      memberId: viewer.id,
      input: { factor, id: formString(form, "id"), password: formString(form, "password") } as TRemoveFactorInput,
      ip: clientIp(await headers()),
      now: systemNow(),
    });
    revalidatePath("/settings/security");
    return { ok: true, message: removed };
  } catch (e) {
    return failure(e, form);
  }
}
