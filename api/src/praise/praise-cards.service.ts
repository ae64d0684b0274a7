import { Injectable } from '@nestjs/common';
import type { MemberSummary, PraiseCardDto } from '@bravo/shared';
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

/** What a customer typed as their name, cut to its first word: screens and colleagues see no more. */
function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}
