import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { deriveAuthOriginFromRequests } from "@/lib/server/auth/request-origin";

function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  deriveAuthOriginFromRequests();
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
