import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { KudosRecord } from './kudos-record';

/** A colleague a kudos can reach, with the team they are in now. */
export interface RecipientRow {
  id: string;
  name: string;
  team_id: string | null;
}

interface IdRow {
  id: string;
}

interface KudosIdRow {
  kudos_id: string;
}

interface VisibleRow {
  giver_id: string;
  created_at: Date;
}

/** What a giver has used today (kudos and boosts) and this month per recipient. */
export interface UsageRow {
  today: string;
  given: Record<string, number>;
}

/** The kudos behind a ledger entry (`source_id`: the kudos' or the boost's id). */
export interface HistorySourceRow {
  source_id: string;
  kudos_id: string;
  giver_id: string;
  giver_name: string;
  booster_id: string | null;
  booster_name: string | null;
  value_name: string;
  recipients: { id: string; name: string }[];
}

export interface ValueCountRow {
  value_id: string;
  name: string;
  emoji: string | null;
  color: string;
  kudos: number;
  points: number;
}

/**
 * The only code writing `kudos`, `kudos_recipients` and `kudos_boosts`. The giving path
 * also reads the members and brand values it names here (no writes), in the same
 * transaction: one round trip each on the hottest path.
 */
@Injectable()
export class KudosRepository {
  constructor(private readonly db: TransactionHost<TransactionalAdapterTypeOrm>) {}

  activeRecipients(organizationId: string, ids: string[]): Promise<RecipientRow[]> {
    return this.db.tx.query<RecipientRow[]>(
      `SELECT id, name, team_id FROM members WHERE organization_id = $1 AND id = ANY($2) AND active ORDER BY id`,
      [organizationId, ids],
    );
  }

  async activeValue(
    organizationId: string,
    valueId: string,
  ): Promise<KudosRecord['value'] | undefined> {
    const [value] = await this.db.tx.query<KudosRecord['value'][]>(
      `SELECT id, name, hashtag, emoji, color FROM brand_values WHERE id = $1 AND organization_id = $2 AND NOT archived`,
      [valueId, organizationId],
    );
    return value;
  }

  /** The kudos and its recipients (their teams of this moment), in one statement. */
  async insert(k: {
    organizationId: string;
    giverId: string;
    valueId: string;
    message: string;
    points: number;
    occurredOn: string;
    createdAt: Date;
    recipients: RecipientRow[];
  }): Promise<string> {
    const [row] = await this.db.tx.query<KudosIdRow[]>(
      `WITH k AS (
         INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)
       INSERT INTO kudos_recipients (kudos_id, member_id, organization_id, team_id)
       SELECT k.id, r.id, $1, r.team_id FROM k, jsonb_to_recordset($8::jsonb) AS r(id uuid, team_id uuid)
       RETURNING kudos_id`,
      [
        k.organizationId,
        k.giverId,
        k.valueId,
        k.message,
        k.points,
        k.occurredOn,
        k.createdAt,
        JSON.stringify(k.recipients),
      ],
    );
    return row.kudos_id;
  }

  /**
   * A visible kudos, locked until the transaction ends: FOR SHARE lets boosts run
   * side by side but not beside a withdrawal or hiding (FOR UPDATE).
   */
  async lockVisible(
    organizationId: string,
    kudosId: string,
    mode: 'share' | 'update',
  ): Promise<VisibleRow | undefined> {
    const [row] = await this.db.tx.query<VisibleRow[]>(
      `SELECT giver_id, created_at FROM kudos
        WHERE id = $1 AND organization_id = $2 AND withdrawn_at IS NULL AND hidden_at IS NULL
        FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
      [kudosId, organizationId],
    );
    return row;
  }

  /** Recipients still active, with their current teams. */
  activeRecipientsOf(kudosId: string): Promise<RecipientRow[]> {
    return this.db.tx.query<RecipientRow[]>(
      `SELECT m.id, m.name, m.team_id FROM kudos_recipients r JOIN members m ON m.id = r.member_id
        WHERE r.kudos_id = $1 AND m.active ORDER BY m.id`,
      [kudosId],
    );
  }

  async insertBoost(b: {
    kudosId: string;
    organizationId: string;
    boosterId: string;
    points: number;
    occurredOn: string;
    createdAt: Date;
  }): Promise<string> {
    const [row] = await this.db.tx.query<IdRow[]>(
      `INSERT INTO kudos_boosts (kudos_id, organization_id, booster_id, points, occurred_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [b.kudosId, b.organizationId, b.boosterId, b.points, b.occurredOn, b.createdAt],
    );
    return row.id;
  }

  async boostIds(kudosId: string): Promise<string[]> {
    const rows = await this.db.tx.query<IdRow[]>(
      `SELECT id FROM kudos_boosts WHERE kudos_id = $1`,
      [kudosId],
    );
    return rows.map((r) => r.id);
  }

  async markWithdrawn(kudosId: string, at: Date): Promise<void> {
    await this.db.tx.query(`UPDATE kudos SET withdrawn_at = $2 WHERE id = $1`, [kudosId, at]);
  }

  async markHidden(kudosId: string, at: Date, byId: string): Promise<void> {
    await this.db.tx.query(`UPDATE kudos SET hidden_at = $2, hidden_by_id = $3 WHERE id = $1`, [
      kudosId,
      at,
      byId,
    ]);
  }

  /** Today's count of kudos and boosts, and this month's points to each named recipient, in one round trip. */
  async usage(
    giverId: string,
    today: string,
    periodStart: string,
    recipientIds: string[],
  ): Promise<UsageRow> {
    const [usage] = await this.db.tx.query<UsageRow[]>(
      `SELECT (SELECT count(*) FROM kudos WHERE giver_id = $1 AND occurred_on = $2 AND withdrawn_at IS NULL)
            + (SELECT count(*) FROM kudos_boosts WHERE booster_id = $1 AND occurred_on = $2) AS today,
              (SELECT coalesce(json_object_agg(member_id, points), '{}') FROM (
                 SELECT member_id, sum(points)::int AS points FROM (
                   SELECT r.member_id, k.points FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
                    WHERE k.giver_id = $1 AND k.occurred_on >= $3 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL AND r.member_id = ANY($4)
                   UNION ALL
                   SELECT r.member_id, b.points FROM kudos_boosts b JOIN kudos k ON k.id = b.kudos_id JOIN kudos_recipients r ON r.kudos_id = b.kudos_id
                    WHERE b.booster_id = $1 AND b.occurred_on >= $3 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL AND r.member_id = ANY($4)
                 ) x GROUP BY member_id
              ) y) AS given`,
      [giverId, today, periodStart, recipientIds],
    );
    return usage;
  }

  /** Visible kudos a member received, per brand value. */
  receivedByValue(memberId: string): Promise<ValueCountRow[]> {
    return this.db.tx.query<ValueCountRow[]>(
      `SELECT v.id AS value_id, v.name, v.emoji, v.color, count(*)::int AS kudos, sum(k.points)::int AS points
         FROM kudos_recipients r JOIN kudos k ON k.id = r.kudos_id JOIN brand_values v ON v.id = k.value_id
        WHERE r.member_id = $1 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL
        GROUP BY v.id ORDER BY kudos DESC, v.name`,
      [memberId],
    );
  }

  /**
   * Who gave (and boosted) the kudos behind ledger entries, and for which value: the
   * entries name kudos by id (`kudosIds`) or boost by id (`boostIds`). Joins members and
   * brand values for the names (one round trip, as the feed does).
   */
  historySources(
    organizationId: string,
    kudosIds: string[],
    boostIds: string[],
  ): Promise<HistorySourceRow[]> {
    if (kudosIds.length === 0 && boostIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.db.tx.query<HistorySourceRow[]>(
      `WITH sources AS (
         SELECT k.id AS source_id, k.id AS kudos_id, NULL::uuid AS booster_id
           FROM kudos k WHERE k.organization_id = $1 AND k.id = ANY($2::uuid[])
         UNION ALL
         SELECT b.id, b.kudos_id, b.booster_id
           FROM kudos_boosts b WHERE b.organization_id = $1 AND b.id = ANY($3::uuid[]))
       SELECT s.source_id, s.kudos_id, k.giver_id, g.name AS giver_name,
              s.booster_id, bm.name AS booster_name, v.name AS value_name,
              (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY m.name), '[]')
                 FROM kudos_recipients r JOIN members m ON m.id = r.member_id
                WHERE r.kudos_id = k.id) AS recipients
         FROM sources s
         JOIN kudos k ON k.id = s.kudos_id AND k.organization_id = $1
         JOIN members g ON g.id = k.giver_id
         JOIN brand_values v ON v.id = k.value_id
         LEFT JOIN members bm ON bm.id = s.booster_id`,
      [organizationId, kudosIds, boostIds],
    );
  }
}
