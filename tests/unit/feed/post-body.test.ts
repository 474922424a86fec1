import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PostBody } from "@/components/feed/post-body";
import { extractMentionHandles, tokenizePostText } from "@/lib/validation/post";

const render = (body: string, mentionable: string[] = []) => renderToStaticMarkup(createElement(PostBody, { body, mentionable }));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));

describe("PostBody renders post text inertly", () => {
  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an image with onerror", `<img src=x onerror="alert(1)">`],
    ["an svg with onload", `<svg onload=alert(1)>`],
    ["an iframe", `<iframe src="javascript:alert(1)"></iframe>`],
    ["a markdown javascript link", "[click me](javascript:alert(1))"],
    ["a bare javascript: URL", "javascript:alert(1)"],
    ["an anchor with javascript href", `<a href="javascript:alert(1)">x</a>`],
  ])("shows %s as text, never as markup", (_label, body) => {
    const html = render(body);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/<iframe/i);
    // Escaped text may contain the letters "onerror="; an attribute inside a real tag may not.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toContain('href="javascript:');
    expect(html.startsWith("<div")).toBe(true);
    // Every tag in the output is one PostBody itself produces.
    for (const tag of html.matchAll(/<\/?([a-z0-9]+)/gi)) expect(["div", "a"]).toContain(tag[1].toLowerCase());
  });

  it("makes http(s) links clickable with safe rel and leaves other schemes as text", () => {
    const html = render("See https://example.com/a?b=1&c=2, or ftp://x.org and data:text/html,<b>hi</b> and JAVASCRIPT:alert(1).");
    expect(hrefs(html)).toEqual(["https://example.com/a?b=1&c=2"]);
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');
    // The sentence's comma is not part of the link.
    expect(html).toContain(">https://example.com/a?b=1&amp;c=2</a>, or");
  });

  it("cannot break out of the href attribute with quotes", () => {
    const html = render(`https://example.com/"onmouseover="alert(1)`);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(hrefs(html)).toEqual(["https://example.com/"]);
  });

  it("links mentions that resolve and leaves the others as text", () => {
    const html = render("Thanks @ana and @ghost, mail me at ben@example.com", ["ana"]);
    expect(hrefs(html)).toEqual(["/u/ana"]);
    expect(html).toContain("@ghost");
    expect(html).toContain("ben@example.com");
  });

  it("does not treat an @ inside a URL as a mention", () => {
    expect(tokenizePostText("Follow https://mastodon.social/@ana please").map((t) => t.type)).toEqual(["text", "link", "text"]);
    expect(extractMentionHandles("https://mastodon.social/@ana")).toEqual([]);
  });

  it("keeps a balanced closing parenthesis in a URL and drops a sentence's", () => {
    const links = (s: string) => tokenizePostText(s).flatMap((t) => (t.type === "link" ? [t.href] : []));
    expect(links("(see https://en.wikipedia.org/wiki/Rust_(language))")).toEqual(["https://en.wikipedia.org/wiki/Rust_(language)"]);
    expect(links("(see https://example.com/x)")).toEqual(["https://example.com/x"]);
  });

  it("finds each mentioned handle once, case-insensitively, in order", () => {
    expect(extractMentionHandles("@Ben and @ben, then @chloe_m. Also (@dev)!")).toEqual(["ben", "chloe_m", "dev"]);
    expect(extractMentionHandles("@ab is too short, and email a@bcd.com is not a mention")).toEqual([]);
  });

  it("keeps the text intact: tokens join back to the original", () => {
    const body = "Hi @ana, see https://x.com/a. <b>bold</b> & more\nnew line";
    expect(tokenizePostText(body).map((t) => t.text).join("")).toBe(body);
  });
});
