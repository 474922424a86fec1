import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/server/db";
import { unique } from "./sequence";

type PostRow = Prisma.PostGetPayload<object>;
type CommentRow = Prisma.CommentGetPayload<object>;

/** A post by `authorId`, written directly (no interaction rows: use createInteraction). */
export async function createPost(
  attrs: { authorId: string; body?: string; createdAt?: Date; sharedPostId?: string | null; deletedAt?: Date | null },
  db?: Tx,
): Promise<PostRow> {
  const client = db ?? (await getDb());
  return client.post.create({ data: { body: `Post ${unique("p")}`, ...attrs } });
}

export async function createComment(
  attrs: { postId: string; authorId: string; parentId?: string | null; body?: string; createdAt?: Date; deletedAt?: Date | null },
  db?: Tx,
): Promise<CommentRow> {
  const client = db ?? (await getDb());
  return client.comment.create({ data: { body: `Comment ${unique("c")}`, ...attrs } });
}

export async function createKudos(
  attrs: { authorId: string; recipientId: string; body?: string; createdAt?: Date },
  db?: Tx,
) {
  const client = db ?? (await getDb());
  return client.kudos.create({ data: { body: `Thanks ${unique("k")}`, ...attrs } });
}
