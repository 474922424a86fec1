import { NextResponse } from "next/server";
import { AppError } from "@/lib/server/errors";
import { getRootDb } from "@/lib/server/db";
import { unsubscribeByToken } from "@/lib/server/services/notifications/email-prefs";

/**
 * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` here, with
 * no cookie and from another origin; the signed `t` is the whole authorisation. A GET (someone
 * opening the link) only shows the confirmation page: a GET never changes anything.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  try {
    await unsubscribeByToken(await getRootDb(), { token });
    return new NextResponse("You will not get these emails any more.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return new NextResponse(`${e.message}\n`, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw e;
  }
}

export function GET(request: Request) {
  const url = new URL(request.url);
  return NextResponse.redirect(new URL(`/unsubscribe?t=${encodeURIComponent(url.searchParams.get("t") ?? "")}`, url), 303);
}
