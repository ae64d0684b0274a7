import { Injectable } from '@nestjs/common';
import type { FeedItemDto, FeedPageDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { BadgeFeed } from '../badges/badge-feed.service';
import { decodeFeedCursor, encodeFeedCursor } from '../kudos/feed-cursor';
import type { FeedQuery } from '../kudos/kudos.dto';
import { KudosFeedService } from '../kudos/kudos-feed.service';
import { PraiseCards } from '../praise/praise-cards.service';

/**
 * An item with its place in the feed: (time, id) newest first; a badge card's id is its
 * badge's, a praise card's its story's (at: when it was approved).
 */
interface Placed {
  at: Date;
  id: string;
  item: FeedItemDto;
}

/** Newest first; ties by id, descending, as PostgreSQL orders uuids (lowercase hex). */
const newestFirst = (a: Placed, b: Placed) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The home feed: kudos, badge and praise cards in one order. All are read from the same
 * position (time, id) — a cursor is the last item's — so pages neither repeat nor skip an
 * item of any kind. Each feature reads its own tables; this module only merges.
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly kudos: KudosFeedService,
    private readonly badges: BadgeFeed,
    private readonly praise: PraiseCards,
  ) {}

  async page(caller: AuthMember, q: FeedQuery): Promise<FeedPageDto> {
    const position = q.cursor ? decodeFeedCursor(q.cursor) : null;
    // Sequential on purpose: inside a transaction all queries share one connection.
    const kudos = await this.kudos.feed(caller, q);
    const filter = {
      ...(position && { before: { at: position.createdAt, id: position.id } }),
      ...(q.teamId && { teamId: q.teamId }),
      ...(q.memberId && { memberId: q.memberId }),
      ...(q.valueId && { valueId: q.valueId }),
    };
    const cards = await this.badges.cards(caller.organizationId, filter, q.limit + 1);
    const stories = await this.praise.cards(caller.organizationId, filter, q.limit + 1);
    const merged: Placed[] = [
      ...kudos.items.map((k) => ({
        at: new Date(k.createdAt),
        id: k.id,
        item: { kind: 'kudos' as const, kudos: k },
      })),
      ...cards.map((c) => ({
        at: new Date(c.awardedAt),
        id: c.badge.id,
        item: { kind: 'badge' as const, award: c },
      })),
      ...stories.map((p) => ({
        at: new Date(p.approvedAt),
        id: p.id,
        item: { kind: 'praise' as const, praise: p },
      })),
    ].sort(newestFirst);
    const page = merged.slice(0, q.limit);
    const last = page[page.length - 1];
    const more = merged.length > q.limit || kudos.nextCursor !== null;
    return {
      items: page.map((p) => p.item),
      nextCursor: more && last ? encodeFeedCursor({ created_at: last.at, id: last.id }) : null,
    };
  }
}
