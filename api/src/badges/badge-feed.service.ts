import { Injectable } from '@nestjs/common';
import { FEED_BADGE_NAMES_MAX, badgeCardId, type BadgeFeedCardDto } from '@bravo/shared';
import { BadgesRepository, type AwardGroupFilter } from './badges.repository';

/**
 * The badges feature's part of the home feed: awards as cards, one per badge and run, so a
 * badge awarded backwards to thousands is one card ("earned by 240 colleagues"), not thousands.
 * Two queries per page whatever the groups hold.
 */
@Injectable()
export class BadgeFeed {
  constructor(private readonly repository: BadgesRepository) {}

  /** Cards older than `filter.before`, newest first by (awardedAt, badge id), at most `limit`. */
  async cards(
    organizationId: string,
    filter: AwardGroupFilter,
    limit: number,
  ): Promise<BadgeFeedCardDto[]> {
    const groups = await this.repository.awardGroups(organizationId, filter, limit);
    const { before: _, ...audience } = filter;
    const named = await this.repository.awardGroupMembers(
      organizationId,
      audience,
      groups
        .filter((g) => g.count <= FEED_BADGE_NAMES_MAX)
        .map((g) => ({ badgeId: g.badge_id, awardedAt: g.awarded_at })),
    );
    const membersOf = new Map<string, BadgeFeedCardDto['members']>();
    for (const m of named) {
      const id = badgeCardId(m.badge_id, m.awarded_at);
      membersOf.set(id, [
        ...(membersOf.get(id) ?? []),
        { id: m.id, name: m.name, teamId: m.team_id },
      ]);
    }
    return groups.map((g) => {
      const id = badgeCardId(g.badge_id, g.awarded_at);
      return {
        id,
        badge: {
          id: g.badge_id,
          name: g.name,
          icon: g.icon,
          imageId: g.image_id,
          description: g.description,
          valueId: g.value_id,
        },
        count: g.count,
        members: membersOf.get(id) ?? [],
        awardedAt: g.awarded_at.toISOString(),
      };
    });
  }
}
