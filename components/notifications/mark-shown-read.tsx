"use client";
import { startTransition, useEffect, useRef } from "react";
import type { FormAction } from "@/lib/server/action-result";

/**
 * Once the list is on screen, tells the server which unread notifications it showed, so
 * the badge goes down. Renders nothing; without JavaScript the "Mark all as read" form does
 * the same. Each set of ids is sent once.
 */
export function MarkShownRead({ ids, action }: { ids: string[]; action: FormAction }) {
  const sent = useRef<string>("");
  const key = ids.join(",");
  useEffect(() => {
    if (!key || sent.current === key) return;
    sent.current = key;
    const form = new FormData();
    for (const id of key.split(",")) form.append("ids", id);
    startTransition(async () => {
      await action({}, form);
    });
  }, [key, action]);
  return null;
}
