import { publicUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/server/api/openapi";
import { problemFromError } from "@/lib/server/api/problem";
import { withApiSecurityHeaders } from "@/lib/server/api/security-headers";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

let cached: string | undefined;

/** The OpenAPI 3.1 document, built once per process from the route specs. */
export async function GET(): Promise<Response> {
  try {
    cached ??= JSON.stringify(buildOpenApiDocument({ serverUrl: publicUrl() }));
    return withApiSecurityHeaders(
      new Response(cached, {
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
      }),
    );
  } catch (e) {
    return problemFromError(e);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
