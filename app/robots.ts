import type { MetadataRoute } from "next";

/**
 * /robots.txt: the public landing page and profiles may be indexed; the signed-in app, the
 * API and the account pages are private to members and say so.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/api/", "/admin", "/settings", "/notifications", "/requests", "/relationships", "/connections", "/interactions", "/report", "/feed", "/people", "/signin", "/signup", "/suspended"],
      },
    ],
  };
}
