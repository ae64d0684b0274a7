import { Injectable } from '@nestjs/common';
import type { MemberSummary, PraiseCardDto } from '@bravo/shared';
import { invalid } from '../common/domain-exception';
import { decodeFeedCursor, encodeFeedCursor, type FeedPosition } from '../kudos/feed-cursor';
import {
  PraiseCardQueries,
  type PraiseCardFilter,
  type PraiseCardRow,
} from './praise-cards.queries';

/**
 * The praise feature's part of the feed, profiles and live pushes: approved stories as cards.
 * No contact, the customer by first name only. Two queries per page whatever it holds.
 */
@Injectable()
export class PraiseCards {
  constructor(private readonly queries: PraiseCardQueries) {}

  /** Cards older than `filter.before`, newest approval first (ties by id), at most `limit`. */
  async cards(
    organizationId: string,
    filter: PraiseCardFilter,
    limit: number,
  ): Promise<PraiseCardDto[]> {
    const rows = await this.queries.cards(organizationId, filter, limit);
    return this.toCards(organizationId, rows);
  }

  /**
   * A page of cards (a profile's "What customers said"): `before` is the previous page's
   * `nextCursor`, the same position format as the home feed's.
   */
  async page(
    organizationId: string,
    query: { memberId?: string; before?: string; limit: number },
  ): Promise<{ items: PraiseCardDto[]; nextCursor: string | null }> {
    const position = query.before ? positionOf(query.before) : null;
    const rows = await this.cards(
      organizationId,
      {
        ...(position && { before: { at: position.createdAt, id: position.id } }),
        ...(query.memberId && { memberId: query.memberId }),
      },
      query.limit + 1,
    );
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeFeedCursor({ created_at: new Date(last.approvedAt), id: last.id })
          : null,
    };
  }

  /** One approved story as a card; null when it is not approved (or not the organisation's). */
  async card(organizationId: string, praiseId: string): Promise<PraiseCardDto | null> {
    const rows = await this.queries.cards(organizationId, { praiseId }, 1);
    return (await this.toCards(organizationId, rows))[0] ?? null;
  }

  private async toCards(organizationId: string, rows: PraiseCardRow[]): Promise<PraiseCardDto[]> {
    const named = await this.queries.members(
      organizationId,
      rows.map((r) => r.id),
    );
    const membersOf = new Map<string, MemberSummary[]>();
    for (const m of named) {
      membersOf.set(m.praise_id, [
        ...(membersOf.get(m.praise_id) ?? []),
        { id: m.id, name: m.name, teamId: m.team_id },
      ]);
    }
    return rows.map((r) => ({
      id: r.id,
      teamId: r.team_id,
      teamName: r.team_name ?? '',
      members: membersOf.get(r.id) ?? [],
      text: r.text,
      rating: r.rating,
      customerName: firstName(r.customer_name),
      value:
        r.value_id && r.value_name !== null
          ? { id: r.value_id, name: r.value_name, emoji: r.value_emoji, color: r.value_color ?? '' }
          : null,
      points: r.points,
      approvedAt: r.reviewed_at.toISOString(),
    }));
  }
}

/** The position `before` names; a made-up or mangled one is a 400 about `before`. */
function positionOf(before: string): FeedPosition {
  try {
    return decodeFeedCursor(before);
  } catch {
    throw invalid(
      'before',
      'invalid_cursor',
      'before is not valid: use nextCursor from the previous page',
    );
  }
}

/** What a customer typed as their name, cut to its first word: screens and colleagues see no more. */
function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}
