"use client";
import { useState } from "react";
import { NoteForm } from "./note-form";

/**
 * "Connect" when warm. Without JavaScript it is a link-like GET form to /u/<handle>/connect
 * (the note form on its own page); with it, the note form opens in place.
 */
export function ConnectButton({ handle, firstName }: { handle: string; firstName: string }) {
  const [open, setOpen] = useState(false);
  if (open) return <NoteForm handle={handle} firstName={firstName} autoFocus onCancel={() => setOpen(false)} />;
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
