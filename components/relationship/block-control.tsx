import { ActionForm } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/server/action-result";

/**
 * Block with a confirm step (a disclosure, so it works without JavaScript), or Unblock when
 * the viewer has blocked this member.
 */
export function BlockControl({
  handle,
  blocked,
  blockAction,
  unblockAction,
}: {
  handle: string;
  blocked: boolean;
  blockAction: FormAction;
  unblockAction: FormAction;
}) {
  if (blocked) {
    return (
      <ActionForm action={unblockAction} fields={{ handle }} label="Unblock" pendingText="Unblocking…">
        <p className="text-sm muted">You blocked @{handle}. They can&rsquo;t see your profile, interact with you or ask to connect.</p>
      </ActionForm>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none muted hover:underline">Block @{handle}</summary>
      <div className="mt-2 space-y-2 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
        <ActionForm action={blockAction} fields={{ handle }} label="Block" pendingText="Blocking…" className="btn-secondary text-red-800 dark:text-red-300">
          <p>
            Block @{handle}? They won&rsquo;t be able to see your profile, posts or comments, interact with you or ask to
            connect. Any request between you is withdrawn and a connection removed. They are not told.
          </p>
        </ActionForm>
      </div>
    </details>
  );
}
