import { CATEGORY_LABELS } from "@/lib/email/categories";
import { readUnsubscribeToken } from "@/lib/server/email/unsubscribe";
import { unsubscribeAction } from "@/lib/server/actions/email-prefs";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata = { title: "Unsubscribe" };

/** Where an email's unsubscribe link leads: a confirmation, no sign-in needed. Reading it changes nothing. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { t = "" } = await searchParams;
  const read = readUnsubscribeToken(t);
  const what = !read ? null : read.category === "digest" ? "the weekly digest" : CATEGORY_LABELS[read.category].title.toLowerCase();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">Unsubscribe</h1>
      <div className="card space-y-4">
        {what ? (
          <>
            <p>Stop emails about {what}? You will still see them in the app.</p>
            <UnsubscribeForm action={unsubscribeAction} token={t} />
          </>
        ) : (
          <p role="alert">This unsubscribe link is not valid. Sign in and choose your emails in your notification settings.</p>
        )}
      </div>
    </div>
  );
}
