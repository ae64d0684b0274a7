import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KudosDto, KudosPage, MemberSummary, ReactionCount } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-exception';
import { OrganizationsService } from '../organizations/organizations.service';
import { kudosDto } from './kudos.mapper';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';
import type { FeedQuery } from './kudos.dto';

interface KudosRow {
  id: string;
  giver_id: string;
  giver_name: string;
  giver_team_id: string | null;
  value_id: string;
  value_name: string;
  value_hashtag: string;
  value_emoji: string | null;
  value_color: string;
  message: string;
  points: number;
  created_at: Date;
}

/**
 * Reads kudos for the feed and single views. A page costs a fixed number of
 * queries however many kudos, recipients, boosts and reactions it holds.
 */
@Injectable()
export class KudosFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const rows = await this.select(
      this.db.manager,
      `${where.join(' AND ')} ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    return {
      items: await this.toDtos(this.db.manager, caller, page),
      nextCursor: rows.length > q.limit ? encodeFeedCursor(page[page.length - 1]) : null,
    };
  }

  /** One kudos as the caller may see it (hidden and withdrawn ones are gone, except to admins for hidden). */
  async get(caller: AuthMember, id: string): Promise<KudosDto> {
    const rows = await this.select(
      this.db.manager,
      `k.id = $1 AND k.organization_id = $2 AND k.withdrawn_at IS NULL AND (k.hidden_at IS NULL OR $3)`,
      [id, caller.organizationId, caller.role === 'admin'],
    );
    if (!rows[0]) {
      throw notFound('Kudos');
    }
    return (await this.toDtos(this.db.manager, caller, rows))[0];
  }

  private select(
    manager: EntityManager,
    whereAndOrder: string,
    params: unknown[],
  ): Promise<KudosRow[]> {
    return manager.query(
      `SELECT k.id, k.giver_id, g.name AS giver_name, g.team_id AS giver_team_id,
              k.value_id, v.name AS value_name, v.hashtag AS value_hashtag, v.emoji AS value_emoji, v.color AS value_color,
              k.message, k.points, k.created_at
         FROM kudos k
         JOIN members g ON g.id = k.giver_id
         JOIN brand_values v ON v.id = k.value_id
        WHERE ${whereAndOrder}`,
      params,
    );
  }

  private async toDtos(
    manager: EntityManager,
    caller: { id: string | null; organizationId: string },
    rows: KudosRow[],
  ): Promise<KudosDto[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map((r) => r.id);
    // Sequential on purpose: inside a transaction all queries share one connection.
    const recipients: { kudos_id: string; id: string; name: string; team_id: string | null }[] =
      await manager.query(
        `SELECT r.kudos_id, m.id, m.name, m.team_id FROM kudos_recipients r JOIN members m ON m.id = r.member_id
        WHERE r.kudos_id = ANY($1)`,
        [ids],
      );
    const boosts: {
      kudos_id: string;
      points: number;
      created_at: Date;
      id: string;
      name: string;
      team_id: string | null;
    }[] = await manager.query(
      `SELECT b.kudos_id, b.points, b.created_at, m.id, m.name, m.team_id FROM kudos_boosts b
           JOIN members m ON m.id = b.booster_id WHERE b.kudos_id = ANY($1) ORDER BY b.created_at`,
      [ids],
    );
    const reactions: { kudos_id: string; emoji: string; count: number; mine: boolean }[] =
      await manager.query(
        `SELECT kudos_id, emoji, count(*)::int AS count, bool_or(member_id = $2) AS mine
         FROM kudos_reactions WHERE kudos_id = ANY($1) GROUP BY kudos_id, emoji ORDER BY min(created_at)`,
        [ids, caller.id],
      );
    const comments: { kudos_id: string; count: number }[] = await manager.query(
      `SELECT kudos_id, count(*)::int AS count FROM kudos_comments WHERE kudos_id = ANY($1) GROUP BY kudos_id`,
      [ids],
    );
    const org = await this.organizations.context(caller.organizationId, manager);
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
    const commentCounts = new Map(comments.map((c) => [c.kudos_id, c.count]));
    const viewer = {
      id: caller.id,
      withdrawWindowMs: org.rules.withdrawWindowMinutes * 60_000,
      now: this.clock.now(),
    };
    const summary = (m: { id: string; name: string; team_id: string | null }): MemberSummary => ({
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
