import { publicUrl } from "@/lib/env";
import { buildApiSecurityHeaders } from "@/lib/security/headers";

/**
 * The /api security headers (lib/security/headers.ts), set by the routes themselves: the
 * edge (proxy.ts) skips /api/v1 and /api/health paths without a percent sign — there is
 * nothing for it to check there, and running it cost every API request ~1.4 ms of CPU —
 * so every answer under /api sets them on its way out.
 */
export function withApiSecurityHeaders(res: Response): Response {
  const headers = buildApiSecurityHeaders({ production: process.env.NODE_ENV === "production", publicUrl: publicUrl() });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
