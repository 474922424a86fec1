import { tokenizePostText } from "@/lib/validation/post";

/**
 * Plain text with its http(s) links made clickable and its @mentions linked to profiles.
 * Everything else is text (React escapes it), so markup in a post can never run: no HTML is
 * ever interpreted, and only http/https URLs become links. `mentionable` lists the handles
 * that resolve for the reader (unknown or blocked members stay plain text).
 */
export function PostBody({
  body,
  mentionable = [],
  className = "prose-post",
}: {
  body: string;
  mentionable?: readonly string[];
  className?: string;
}) {
  const known = new Set(mentionable);
  return (
    <div className={className}>
      {tokenizePostText(body).map((t, i) => {
        if (t.type === "link") {
          return (
            <a key={i} href={t.href} rel="nofollow noopener noreferrer ugc" target="_blank" className="break-all text-orange-800 underline dark:text-orange-300">
              {t.text}
            </a>
          );
        }
        if (t.type === "mention" && known.has(t.handle)) {
          return (
            <a key={i} href={`/u/${t.handle}`} className="font-medium text-orange-800 no-underline hover:underline dark:text-orange-300">
              {t.text}
            </a>
          );
        }
        return t.text;
      })}
    </div>
  );
}
