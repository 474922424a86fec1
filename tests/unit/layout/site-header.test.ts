import { beforeEach, describe, expect, it, vi } from "vitest";
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { renderServer } from "@/tests/support/render-server";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteMenu } from "@/components/layout/site-menu";
import { inSection } from "@/components/layout/nav-link";

const nav = vi.hoisted(() => ({ pathname: "/" }));
vi.mock("next/navigation", () => ({ usePathname: () => nav.pathname }));

const props = {
  viewer: { handle: "ana", role: "admin" as const },
  counts: { incoming: 2, unread: 0 },
  signOutAction: async () => {},
};

/** The link text (tags stripped) of every link marked current: aria-current "page" (the page itself) or "true" (a page under it). */
const current = (markup: string) =>
  [...markup.matchAll(/<a [^>]*aria-current="(?:page|true)"[^>]*>(.*?)<\/a>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").trim());

/** The phone menu's panel, as it renders once opened (SiteMenu shows its children only while open). */
function menuPanel(node: ReactNode): ReactNode {
  let found: ReactNode = null;
  const walk = (n: ReactNode) => {
    Children.forEach(n, (c) => {
      if (found || !isValidElement(c)) return;
      const el = c as ReactElement<{ children?: ReactNode }>;
      if (el.type === SiteMenu) found = el.props.children;
      else walk(el.props.children);
    });
  };
  walk(node);
  return found;
}

describe("the main navigation marks the section you are in", () => {
  beforeEach(() => {
    nav.pathname = "/";
  });

  it.each([
    ["/", "Dashboard"],
    ["/feed", "Feed"],
    ["/requests/abc", "Requests 2 incoming requests"],
    ["/relationships", "Relationships"],
    ["/settings/tokens", "Settings"],
    ["/settings/account", "Settings"],
    ["/u/ana", "@ana"],
    ["/admin/reports", "Admin"],
  ])("on %s: only %s, on the wide screens' row", async (path, label) => {
    nav.pathname = path;
    const m = await renderServer(SiteHeader, props);
    expect(current(m)).toEqual([label]);
    expect(m).toMatch(/<a [^>]*aria-current="(?:page|true)"[^>]*class="[^"]*border-orange-700/);
  });

  it("says \"page\" only on the page the link leads to, \"true\" on the pages under it", async () => {
    nav.pathname = "/feed";
    expect(await renderServer(SiteHeader, props)).toMatch(/<a [^>]*aria-current="page"[^>]*>Feed<\/a>/);
    for (const path of ["/requests/abc", "/settings/security"]) {
      nav.pathname = path;
      const m = await renderServer(SiteHeader, props);
      expect(m, path).not.toContain('aria-current="page"');
      expect(m, path).toContain('aria-current="true"');
    }
  });

  it("in the phone menu too", async () => {
    nav.pathname = "/settings/security";
    const m = renderToStaticMarkup(menuPanel(SiteHeader(props)));
    expect(m).toContain('aria-label="Main"');
    expect(current(m)).toEqual(["Settings"]);
    expect(m).toMatch(/<a [^>]*aria-current="(?:page|true)"[^>]*class="[^"]*border-orange-700/);
  });

  it("marks nothing on a page outside the menu, such as someone else's profile", async () => {
    for (const path of ["/u/ben", "/u/anabel", "/report", "/feedback"]) {
      nav.pathname = path;
      expect(current(await renderServer(SiteHeader, props)), path).toEqual([]);
    }
  });

  it("counts a section's own sub-pages, not pages that merely share a prefix", () => {
    expect(inSection("/requests/abc", "/requests")).toBe(true);
    expect(inSection("/requests/", "/requests")).toBe(true);
    expect(inSection("/requestsx", "/requests")).toBe(false);
    expect(inSection("/feed", "/")).toBe(false);
    expect(inSection("/", "/")).toBe(true);
    expect(inSection(null, "/")).toBe(false);
  });
});
