import fs from "node:fs";
import path from "node:path";

/**
 * Every page and every /api/v1 route of the app, as URL patterns with their dynamic segments
 * named (`/u/[handle]`), found by walking app/ — so a new route is attacked without anyone
 * adding it here. Route groups `(app)` are not part of the URL.
 */
const APP = path.resolve(import.meta.dirname, "../../../app");

function walk(dir: string, file: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, file));
    else if (entry.name === file) found.push(path.relative(APP, dir));
  }
  return found;
}

const toUrl = (rel: string) => `/${rel.split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`.replace(/\/$/, "") || "/";

export const PAGE_PATTERNS = walk(APP, "page.tsx").map(toUrl);
export const API_PATTERNS = walk(path.join(APP, "api/v1"), "route.ts").map(toUrl);

/** The pattern with every dynamic segment replaced by `value` (and a static tail appended when there is none). */
export function fill(pattern: string, value: string): string {
  return /\[/.test(pattern) ? pattern.replace(/\[[^\]]+\]/g, value) : `${pattern.replace(/\/$/, "")}/${value}`;
}
