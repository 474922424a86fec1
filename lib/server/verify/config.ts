import "server-only";

/**
 * Evidence checks and linked accounts (issue 20), configured by the operator:
 * RAPPORT_VERIFY_LINKS=off turns the feature off; RAPPORT_BLUESKY_API and RAPPORT_GITHUB_API
 * point at the providers' APIs (a mirror, or a local fake in tests); GITHUB_TOKEN raises
 * GitHub's rate limit. These bases are trusted as configured (docs/security.md): only
 * addresses taken from what members type go through the public-address checks.
 */
export type VerifyConfig = {
  enabled: boolean;
  blueskyApi: string;
  githubApi: string;
  githubToken: string | null;
};

export const DEFAULT_BLUESKY_API = "https://public.api.bsky.app";
export const DEFAULT_GITHUB_API = "https://api.github.com";

export function verifyConfig(env: Record<string, string | undefined> = process.env): VerifyConfig {
  const raw = (env.RAPPORT_VERIFY_LINKS ?? "").trim().toLowerCase();
  if (raw !== "" && raw !== "on" && raw !== "off") {
    throw new Error(`RAPPORT_VERIFY_LINKS must be "on" or "off" (got "${env.RAPPORT_VERIFY_LINKS}").`);
  }
  return {
    enabled: raw !== "off",
    blueskyApi: base("RAPPORT_BLUESKY_API", env.RAPPORT_BLUESKY_API, DEFAULT_BLUESKY_API),
    githubApi: base("RAPPORT_GITHUB_API", env.RAPPORT_GITHUB_API, DEFAULT_GITHUB_API),
    githubToken: env.GITHUB_TOKEN?.trim() || null,
  };
}

function base(name: string, value: string | undefined, fallback: string): string {
  const v = value?.trim();
  if (!v) return fallback;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name} must be a URL such as ${fallback} (got "${v}").`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`${name} must be an http(s) URL (got "${v}").`);
  return u.toString().replace(/\/+$/, "");
}
