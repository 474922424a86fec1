"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { GITHUB_FIELD, linkGitHub, type GitHubLinkInput } from "@/lib/server/services/verify/link-github";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { queueFindAfterVerify } from "@/lib/server/verify/queue-find";

/**
 * Settings → Account → GitHub, one action for its three steps (`step`): "login" resolves the
 * username and gives a code; "gist" checks the gist whose address is in the field; "signin"
 * links the GitHub account the member signs in with.
 */
export async function linkGitHubAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const raw = form.get(GITHUB_FIELD);
    const value = typeof raw === "string" ? raw : "";
    const step = form.get("step");
    const input: GitHubLinkInput = step === "signin" ? { useSignIn: true } : step === "gist" ? { gistUrl: value } : { login: value };
    const now = systemNow();
    const linked = await linkGitHub(await getDb(), { memberId: viewer.id, input, now });
    queueFindAfterVerify(viewer.id, "github", linked, now);
    revalidatePath("/settings/account");
    revalidatePath("/u/[handle]", "page");
    return {
      ok: true,
      message: linked.verified
        ? `Verified: @${linked.handle} is yours. Comments you log from GitHub are now checked by Rapport.`
        : `Almost there: create a gist on @${linked.handle} holding ${linked.code}, then paste its address and press “Check gist”.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}

