import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { searchMembers, type MemberSearchParams } from "@/lib/server/queries/member-search";
import { toPersonCards, type PersonCard } from "@/lib/server/queries/person-cards";
import { suggestPeople } from "@/lib/server/queries/suggestions";
import type { TAppSettings } from "@/lib/validation/app-settings";

/** A page of search results as cards (the page and GET /members share it). */
export async function findPeople(
  db: Db,
  p: MemberSearchParams & { settings: TAppSettings },
): Promise<{ items: PersonCard[]; nextCursor: string | null }> {
  const page = await searchMembers(db, p);
  const items = await toPersonCards(db, { viewerId: p.viewerId, now: p.now, settings: p.settings, members: page.items });
  return { items, nextCursor: page.nextCursor };
}

/** Suggestions as cards with their reasons (the page, the dashboard and GET /members/suggestions). */
export async function peopleToWarmUpWith(
  db: Tx,
  p: { viewerId: string; now: Date; settings: TAppSettings; take: number },
): Promise<{ member: PersonCard; reasons: string[] }[]> {
  const found = await suggestPeople(db, p);
  const cards = await toPersonCards(db, { viewerId: p.viewerId, now: p.now, settings: p.settings, members: found.map((s) => s.member) });
  return cards.map((member, i) => ({ member, reasons: found[i].reasons }));
}
