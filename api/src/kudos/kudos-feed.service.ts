import { Inject, Injectable } from '@nestjs/common';
import type { KudosDto, KudosPage, MemberSummary, ReactionCount } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-exception';
import { OrganizationsService } from '../organizations/organizations.service';
import { kudosDto } from './kudos.mapper';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';
import type { FeedQuery } from './kudos.dto';
import { KudosFeedQueries, type KudosRow, type PersonRow } from './kudos-feed.queries';

/**
 * Reads kudos for the feed and single views. A page costs a fixed number of
 * queries however many kudos, recipients, boosts and reactions it holds.
 */
@Injectable()
export class KudosFeedService {
  constructor(
    private readonly queries: KudosFeedQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  async feed(
    caller: { id: string | null; organizationId: string },
    q: Pick<FeedQuery, 'limit'> & Partial<FeedQuery>,
  ): Promise<KudosPage> {
    const params: unknown[] = [caller.organizationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['k.organization_id = $1', 'k.withdrawn_at IS NULL', 'k.hidden_at IS NULL'];
    if (q.cursor) {
      const c = decodeFeedCursor(q.cursor);
      where.push(`(k.created_at, k.id) < (${param(c.createdAt)}, ${param(c.id)})`);
    }
    if (q.valueId) {
      where.push(`k.value_id = ${param(q.valueId)}`);
    }
    if (q.teamId) {
      where.push(
        `EXISTS (SELECT 1 FROM kudos_recipients r WHERE r.kudos_id = k.id AND r.team_id = ${param(q.teamId)})`,
      );
    }
    if (q.memberId) {
      const m = param(q.memberId);
      where.push(
        `(k.giver_id = ${m} OR EXISTS (SELECT 1 FROM kudos_recipients r WHERE r.kudos_id = k.id AND r.member_id = ${m}))`,
      );
    }
    const limit = param(q.limit + 1);
    const rows = await this.queries.kudos({
      where: `${where.join(' AND ')} ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit}`,
      params,
    });
    const page = rows.slice(0, q.limit);
    return {
      items: await this.toDtos(caller, page),
      nextCursor: rows.length > q.limit ? encodeFeedCursor(page[page.length - 1]) : null,
    };
  }

  /** One kudos as the caller may see it (hidden and withdrawn ones are gone, except to admins for hidden). */
  async get(caller: AuthMember, id: string): Promise<KudosDto> {
    const rows = await this.queries.kudos({
      where: `k.id = $1 AND k.organization_id = $2 AND k.withdrawn_at IS NULL AND (k.hidden_at IS NULL OR $3)`,
      params: [id, caller.organizationId, caller.role === 'admin'],
    });
    if (!rows[0]) {
      throw notFound('Kudos');
    }
    return (await this.toDtos(caller, rows))[0];
  }

  private async toDtos(
    caller: { id: string | null; organizationId: string },
    rows: KudosRow[],
  ): Promise<KudosDto[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map((r) => r.id);
    // Sequential on purpose: inside a transaction all queries share one connection.
    const recipients = await this.queries.recipients(ids);
    const boosts = await this.queries.boosts(ids);
    const reactions = await this.queries.reactions(ids, caller.id);
    const commentCounts = await this.queries.commentCounts(ids);
    const org = await this.organizations.context(caller.organizationId);
    const group = <T extends { kudos_id: string }>(list: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of list) {
        map.set(item.kudos_id, [...(map.get(item.kudos_id) ?? []), item]);
      }
      return map;
    };
    const byRecipients = group(recipients);
    const byBoosts = group(boosts);
    const byReactions = group(reactions);
    const viewer = {
      id: caller.id,
      withdrawWindowMs: org.rules.withdrawWindowMinutes * 60_000,
      now: this.clock.now(),
    };
    const summary = (m: PersonRow): MemberSummary => ({
      id: m.id,
      name: m.name,
      teamId: m.team_id,
    });

    return rows.map((r) =>
      kudosDto(
        {
          id: r.id,
          giver: { id: r.giver_id, name: r.giver_name, teamId: r.giver_team_id },
          recipients: (byRecipients.get(r.id) ?? []).map(summary),
          value: {
            id: r.value_id,
            name: r.value_name,
            hashtag: r.value_hashtag,
            emoji: r.value_emoji,
            color: r.value_color,
          },
          message: r.message,
          points: r.points,
          createdAt: r.created_at,
        },
        {
          boosts: (byBoosts.get(r.id) ?? []).map((b) => ({
            booster: summary(b),
            points: b.points,
            createdAt: b.created_at.toISOString(),
          })),
          reactions: (byReactions.get(r.id) ?? []).map((x): ReactionCount => ({
            emoji: x.emoji,
            count: x.count,
            mine: x.mine,
          })),
          commentCount: commentCounts.get(r.id) ?? 0,
        },
        viewer,
      ),
    );
  }
}
