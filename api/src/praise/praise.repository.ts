import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';
import { Praise, PraiseMember, PraisePage } from './praise.entity';

/** The only code touching `praise`, `praise_members` and `praise_pages`. */
@Injectable()
export class PraiseRepository {
  constructor(private readonly db: Db) {}

  private get praise() {
    return this.db.tx.getRepository(Praise);
  }

  async insert(praise: Partial<Praise>, memberIds: string[]): Promise<Praise> {
    const saved = await this.praise.save(this.praise.create(praise));
    if (memberIds.length > 0) {
      await this.db.tx.getRepository(PraiseMember).insert(
        memberIds.map((memberId) => ({
          praiseId: saved.id,
          memberId,
          organizationId: saved.organizationId,
        })),
      );
    }
    return saved;
  }

  /** The team's latest story with the same folded words since `since`, if any. */
  async duplicateOf(
    teamId: string | null,
    fingerprint: string,
    since: Date,
  ): Promise<string | null> {
    if (!teamId) {
      return null;
    }
    const rows = await this.db.tx.query<{ id: string }[]>(
      `SELECT id FROM praise WHERE team_id = $1 AND fingerprint = $2 AND created_at >= $3
        ORDER BY created_at DESC LIMIT 1`,
      [teamId, fingerprint, since],
    );
    return rows[0]?.id ?? null;
  }

  forUpdate(organizationId: string, id: string): Promise<Praise | null> {
    return this.praise.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async review(
    id: string,
    change: Pick<
      Praise,
      'status' | 'reviewerId' | 'reviewedAt' | 'rejectReason' | 'valueId' | 'points' | 'approvedOn'
    >,
  ): Promise<void> {
    await this.praise.update({ id }, change);
  }

  /** Pending stories of the organisation, or of these teams, oldest first. */
  queue(organizationId: string, teamIds: string[] | null, limit: number): Promise<Praise[]> {
    const query = this.praise
      .createQueryBuilder('p')
      .where("p.organization_id = :organizationId AND p.status = 'pending'", { organizationId });
    if (teamIds) {
      query.andWhere('p.team_id = ANY(:teamIds::uuid[])', { teamIds });
    }
    return query.orderBy('p.created_at', 'ASC').take(limit).getMany();
  }

  /** The members each story names. */
  async membersOf(praiseIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(praiseIds.map((id) => [id, []]));
    if (praiseIds.length === 0) {
      return out;
    }
    const rows = await this.db.tx.getRepository(PraiseMember).find({
      where: praiseIds.map((praiseId) => ({ praiseId })),
    });
    rows.forEach((r) => out.get(r.praiseId)?.push(r.memberId));
    return out;
  }

  /** Clears contact details kept longer than the retention period; how many it cleared. */
  async purgeContacts(before: Date): Promise<number> {
    const [{ n }] = await this.db.tx.query<{ n: number }[]>(
      `WITH cleared AS (
         UPDATE praise SET contact = NULL WHERE contact IS NOT NULL AND created_at < $1 RETURNING id
       ) SELECT count(*)::int AS n FROM cleared`,
      [before],
    );
    return n;
  }

  pageByCode(code: string): Promise<PraisePage | null> {
    return this.db.tx.getRepository(PraisePage).findOne({ where: { code } });
  }

  pageOfTeam(teamId: string): Promise<PraisePage | null> {
    return this.db.tx.getRepository(PraisePage).findOne({ where: { teamId } });
  }

  /** The team's page, made with `code` unless it has one; its code either way. */
  async ensurePage(organizationId: string, teamId: string, code: string): Promise<string> {
    await this.db.tx.query(
      `INSERT INTO praise_pages (team_id, organization_id, code) VALUES ($1, $2, $3)
       ON CONFLICT (team_id) DO NOTHING`,
      [teamId, organizationId, code],
    );
    const page = await this.pageOfTeam(teamId);
    return page?.code ?? code;
  }
}
