import { pathForLog } from "./path-encoding";

/**
 * What the edge (proxy.ts) answers when it refuses a request before any route runs: under
 * /api the same problem+json as lib/server/api/problem.ts (that file is server-only, so the
 * body is built here; tests/integration/security/edge.test.ts checks the two agree), a small
 * page elsewhere. One log line each, with the path bounded.
 */
const PROBLEM_TYPE_BASE = "https://rapport.example/problems/";

export function malformedPath(rawPath: string, api: boolean, headers: Record<string, string>): Response {
  console.warn(`[edge] 400 malformed percent-encoding in path ${pathForLog(rawPath)}`);
  const detail =
    "The address has a broken percent-encoding (a % not followed by two hex digits, bytes that are not UTF-8, or an encoded NUL, %00). Check the link and try again.";
  if (api) return problem(400, "validation", "Some fields need attention", detail, headers, [{ field: "path", message: detail }]);
  return page(400, "That address doesn't look right", detail, headers);
}

/** A page write (a server action, a form post) that did not come from our own pages. */
export function crossSiteWrite(rawPath: string, method: string, headers: Record<string, string>): Response {
  console.warn(`[edge] 403 ${method} from another site (or without Origin) to ${pathForLog(rawPath)}`);
  return page(403, "That request came from somewhere else", "Changes have to come from Rapport's own pages. Reload the page and try again.", headers);
}

function problem(status: number, code: string, title: string, detail: string, headers: Record<string, string>, errors?: { field: string; message: string }[]): Response {
  const body = { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

function page(status: number, title: string, detail: string, headers: Record<string, string>): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Rapport</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><h1>${title}</h1><p>${detail}</p><p><a href="/">Go to Rapport's home page</a></p></main></body></html>`;
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
