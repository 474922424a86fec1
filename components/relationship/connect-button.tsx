"use client";
import { useState } from "react";
import type { FormAction } from "@/lib/server/action-result";
import { NoteForm } from "./note-form";

/**
 * "Connect" when warm. Without JavaScript it is a link-like GET form to /u/<handle>/connect
 * (the note form on its own page); with it, the note form opens in place.
 */
export function ConnectButton({ handle, firstName, sendRequestAction }: { handle: string; firstName: string; sendRequestAction: FormAction }) {
  const [open, setOpen] = useState(false);
  if (open) return <NoteForm handle={handle} firstName={firstName} autoFocus onCancel={() => setOpen(false)} sendRequestAction={sendRequestAction} />;
  return (
    <form
      method="get"
      action={`/u/${handle}/connect`}
      onSubmit={(e) => {
        e.preventDefault();
        setOpen(true);
      }}
    >
      <button type="submit" className="btn-primary w-full">
        Connect
      </button>
    </form>
  );
}
