import { describe, expect, it, vi } from "vitest";
import { renderServer } from "@/tests/support/render-server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PostCard } from "@/components/feed/post-card";
import { Composer } from "@/components/feed/composer";
import { KudosForm } from "@/components/kudos/kudos-form";
import type { FeedActions } from "@/components/feed/feed-actions";
import type { FeedPost } from "@/lib/server/queries/feed";

vi.mock("@/lib/server/loaders/date-format", () => import("@/tests/support/date-format-utc"));

const ana = { id: "ana", handle: "ana", name: "Ana Ferreira", headline: "Staff engineer" };
const ben = { id: "ben", handle: "ben", name: "Ben Okafor", headline: "" };
const none = { counts: { like: 0, insightful: 0, thanks: 0 }, mine: null };

const post: FeedPost = {
  id: "p1",
  author: ana,
  body: "Hello @ben, see https://example.com",
  createdAt: new Date("2026-03-10T10:00:00Z"),
  removed: false,
  shared: null,
  reactions: { counts: { like: 2, insightful: 0, thanks: 1 }, mine: "like" },
  commentCount: 2,
  comments: [
    {
      id: "c1",
      postId: "p1",
      parentId: null,
      author: ben,
      body: "Nice one",
      createdAt: new Date("2026-03-10T11:00:00Z"),
      removed: false,
      reactions: none,
      replies: [
        { id: "c2", postId: "p1", parentId: "c1", author: ana, body: "Thanks!", createdAt: new Date("2026-03-10T12:00:00Z"), removed: false, reactions: none, replies: [] },
      ],
    },
  ],
  moreThreads: 0,
};

// Pages hand the server actions down; markup does not depend on what they do.
const formAction = async () => ({});
const buttonAction = async () => {};
const actions: FeedActions = { createCommentAction: formAction, deleteCommentAction: buttonAction, deletePostAction: buttonAction, reactAction: buttonAction };

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const labelFor = (markup: string, text: string) => {
  const id = markup.match(new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${text}</label>`))?.[1];
  return id ? markup.includes(`id="${id}"`) : false;
};

describe("feed markup: the names journeys and screen readers rely on", () => {
  it("gives reactions pressed state and names that carry the visible count, and offers Reply, Share and the author's Delete", async () => {
    const out = await renderServer(PostCard, { post, viewer: { id: "ana" }, mentionable: ["ben"], actions });
    // WCAG 2.5.3: the accessible name contains what is shown (the reaction and its count)
    expect(out).toMatch(/<button[^>]*aria-pressed="true"[^>]*aria-label="Like 2"/);
    expect(out).toMatch(/<button[^>]*aria-pressed="false"[^>]*aria-label="Insightful"/);
    expect(out).toMatch(/<button[^>]*aria-pressed="false"[^>]*aria-label="Thanks 1"/);
    expect(out).toContain(">Delete post</button>");
    expect(out).toContain(">Delete comment</button>"); // Ana's own reply
    expect(out.match(/>Reply<\/a>/g)).toHaveLength(2);
    expect(out).toContain(">Share</a>");
    expect(labelFor(out, "Comment")).toBe(true);
    expect(out).toMatch(/<button[^>]*type="submit"[^>]*>Comment<\/button>/);
    expect(out).toContain('id="c-c1"');
    expect(out).toContain('href="/u/ben"');
  });

  it("shows no forms to a signed-out reader, and removed posts as removed", async () => {
    const out = await renderServer(PostCard, { post, viewer: null, mentionable: [], actions });
    expect(out).not.toContain("<form");
    expect(out).not.toContain("<textarea");
    const removed = await renderServer(PostCard, { post: { ...post, removed: true, body: "" }, viewer: null, mentionable: [], actions });
    expect(removed).toContain("This post was removed.");
    expect(removed).not.toContain("Hello");
  });

  it("labels the composer and the kudos form", async () => {
    const composer = html(createElement(Composer, { createPostAction: formAction }));
    expect(labelFor(composer, "Write a post")).toBe(true);
    expect(composer).toMatch(/<button[^>]*>Post<\/button>/);
    const kudos = html(createElement(KudosForm, { recipientHandle: "ana", firstName: "Ana", giveKudosAction: formAction }));
    expect(labelFor(kudos, "Kudos for Ana")).toBe(true);
    expect(kudos).toMatch(/<button[^>]*>Give kudos<\/button>/);
  });
});
