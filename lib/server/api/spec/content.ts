import "server-only";
import { ZPostCreate } from "@/lib/validation/post";
import { page, ZPathId } from "@/lib/validation/api/common";
import {
  ZApiCommentCreate,
  ZApiPostsQuery,
  ZApiReactionSet,
  ZApiShareCreate,
  ZComment,
  ZPost,
  ZReactionOut,
} from "@/lib/validation/api/content";
import { defineRoute } from "../route-spec";

export const createPostRoute = defineRoute({
  method: "POST",
  path: "/posts",
  operationId: "createPost",
  summary: "Publish a post",
  description: "Plain text up to 2,000 characters; @mentions of members are recorded (and count as interactions toward them).",
  tag: "Posts",
  auth: "member",
  scope: "write:content",
  body: ZPostCreate,
  response: ZPost,
  status: 201,
  errors: ["validation", "not_found", "rate_limited"],
});

export const listPostsRoute = defineRoute({
  method: "GET",
  path: "/posts",
  operationId: "listPosts",
  summary: "The feed, newest first (optionally one member's posts)",
  description: "Posts in lists carry commentCount but no comments: GET /posts/{id} has the thread.",
  tag: "Posts",
  auth: "member",
  scope: "read",
  query: ZApiPostsQuery,
  response: page(ZPost),
  errors: ["validation", "not_found"],
});

export const getPostRoute = defineRoute({
  method: "GET",
  path: "/posts/{id}",
  operationId: "getPost",
  summary: "One post with its whole thread",
  tag: "Posts",
  auth: "member",
  scope: "read",
  params: ZPathId,
  resource: "post",
  response: ZPost,
  errors: ["not_found"],
});

export const deletePostRoute = defineRoute({
  method: "DELETE",
  path: "/posts/{id}",
  operationId: "deletePost",
  summary: "Remove your post",
  description: "Interactions that lived on it (mentions, comments, reactions) stop counting.",
  tag: "Posts",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "post",
  errors: ["not_found"],
});

export const createCommentRoute = defineRoute({
  method: "POST",
  path: "/posts/{id}/comments",
  operationId: "createComment",
  summary: "Comment on a post, or reply to a comment (parentId)",
  tag: "Comments",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "post",
  body: ZApiCommentCreate,
  response: ZComment,
  status: 201,
  errors: ["validation", "not_found", "rate_limited"],
});

export const deleteCommentRoute = defineRoute({
  method: "DELETE",
  path: "/comments/{id}",
  operationId: "deleteComment",
  summary: "Remove your comment",
  tag: "Comments",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "comment",
  errors: ["not_found"],
});

export const setPostReactionRoute = defineRoute({
  method: "PUT",
  path: "/posts/{id}/reaction",
  operationId: "setPostReaction",
  summary: "React to a post (like, insightful, thanks)",
  tag: "Posts",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "post",
  body: ZApiReactionSet,
  response: ZReactionOut,
  errors: ["validation", "not_found"],
});

export const deletePostReactionRoute = defineRoute({
  method: "DELETE",
  path: "/posts/{id}/reaction",
  operationId: "deletePostReaction",
  summary: "Remove your reaction to a post",
  tag: "Posts",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "post",
  errors: ["not_found"],
});

export const setCommentReactionRoute = defineRoute({
  method: "PUT",
  path: "/comments/{id}/reaction",
  operationId: "setCommentReaction",
  summary: "React to a comment",
  tag: "Comments",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "comment",
  body: ZApiReactionSet,
  response: ZReactionOut,
  errors: ["validation", "not_found"],
});

export const deleteCommentReactionRoute = defineRoute({
  method: "DELETE",
  path: "/comments/{id}/reaction",
  operationId: "deleteCommentReaction",
  summary: "Remove your reaction to a comment",
  tag: "Comments",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "comment",
  errors: ["not_found"],
});

export const sharePostRoute = defineRoute({
  method: "POST",
  path: "/posts/{id}/shares",
  operationId: "sharePost",
  summary: "Share a post with a comment of your own",
  tag: "Posts",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "post",
  body: ZApiShareCreate,
  response: ZPost,
  status: 201,
  errors: ["validation", "not_found", "rate_limited"],
});
