import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KudosDto, PointRules } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { DomainException, forbidden, invalid, notFound } from '../common/domain-exception';
import { idempotent, type Outcome } from '../common/idempotency';
import { inTransaction } from '../database/transaction';
import { OrganizationsService } from '../organizations/organizations.service';
import { monthlyAllowance } from '../points/monthly-allowance';
import { localDate, monthStart } from '../points/periods';
import { PointsService, type LedgerLine } from '../points/points.service';
import type { BoostDto, CreateKudosDto } from './kudos.dto';
import { DomainEvents } from '../events/domain-events';
import { KudosFeedService } from './kudos-feed.service';
import { kudosDto, NO_SOCIAL, type KudosCore } from './kudos-dto';

interface Recipient {
  id: string;
  name: string;
  team_id: string | null;
}

/**
 * Giving, boosting, withdrawing and hiding kudos. Each is one transaction in
 * which the allowance debit, the domain rows and the ledger move together.
 */
@Injectable()
export class KudosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly points: PointsService,
    private readonly feed: KudosFeedService,
    private readonly events: DomainEvents,
  ) {}

  async give(
    caller: AuthMember,
    dto: CreateKudosDto,
    idempotencyKey?: string,
  ): Promise<Outcome<KudosDto>> {
    const { timezone, rules } = await this.organizations.context(caller.organizationId);
    if (dto.recipientIds.includes(caller.id)) {
      throw invalid('recipientIds', 'self_recipient', 'You cannot give kudos to yourself.');
    }
    if (dto.recipientIds.length > rules.maxRecipientsPerKudos) {
      throw invalid(
        'recipientIds',
        'too_many',
        `A kudos can name at most ${rules.maxRecipientsPerKudos} colleagues.`,
        { max: rules.maxRecipientsPerKudos },
      );
    }
    if (dto.points > rules.maxPointsPerRecipient) {
      throw invalid(
        'points',
        'out_of_range',
        `points must be between 0 and ${rules.maxPointsPerRecipient} per colleague`,
        { min: 0, max: rules.maxPointsPerRecipient },
      );
    }

    // Everything the response needs is known inside the transaction: no read-back after commit.
    let fresh: KudosCore | undefined;
    const outcome = await idempotent(
      this.db,
      caller,
      idempotencyKey,
      { op: 'kudos.create', dto },
      async (manager): Promise<Outcome<{ id: string }>> => {
        const recipients = await this.activeRecipients(
          manager,
          caller.organizationId,
          dto.recipientIds,
        );
        const [value]: KudosCore['value'][] = await manager.query(
          `SELECT id, name, hashtag, emoji, color FROM brand_values WHERE id = $1 AND organization_id = $2 AND NOT archived`,
          [dto.valueId, caller.organizationId],
        );
        if (!value) {
          throw invalid(
            'valueId',
            'unknown_value',
            'valueId is not an active brand value of your organisation',
          );
        }
        const now = this.clock.now();
        const today = localDate(now, timezone);
        const amount = dto.points * recipients.length;
        await this.spend(manager, caller, {
          today,
          rules,
          amount,
          perRecipient: dto.points,
          recipients,
        });

        const [{ kudos_id: kudosId }] = await manager.query(
          `WITH k AS (
             INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)
           INSERT INTO kudos_recipients (kudos_id, member_id, organization_id, team_id)
           SELECT k.id, r.id, $1, r.team_id FROM k, jsonb_to_recordset($8::jsonb) AS r(id uuid, team_id uuid)
           RETURNING kudos_id`,
          [
            caller.organizationId,
            caller.id,
            dto.valueId,
            dto.message,
            dto.points,
            today,
            now,
            JSON.stringify(recipients),
          ],
        );
        // The ledger's row locks (the recipients' totals, the boards' version) come last: held briefly.
        await this.points.record(
          manager,
          caller.organizationId,
          this.lines(caller, recipients, dto.points, today, 'kudos', kudosId),
          now,
        );
        fresh = {
          id: kudosId,
          giver: { id: caller.id, name: caller.name, teamId: caller.teamId },
          recipients: recipients.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id })),
          value,
          message: dto.message,
          points: dto.points,
          createdAt: now,
        };
        return { status: 201, body: { id: kudosId } };
      },
    );
    if (outcome.replayed || !fresh) {
      return { status: outcome.status, body: await this.feed.get(caller, outcome.body.id) };
    }
    const seenBy = (id: string | null) => ({
      id,
      withdrawWindowMs: rules.withdrawWindowMinutes * 60_000,
      now: this.clock.now(),
    });
    this.events.emit('kudos.created', {
      organizationId: caller.organizationId,
      kudos: kudosDto(fresh, NO_SOCIAL, seenBy(null)),
    });
    return { status: outcome.status, body: kudosDto(fresh, NO_SOCIAL, seenBy(caller.id)) };
  }

  async boost(caller: AuthMember, kudosId: string, dto: BoostDto): Promise<KudosDto> {
    const { timezone, rules } = await this.organizations.context(caller.organizationId);
    if (dto.points > rules.maxPointsPerRecipient) {
      throw invalid(
        'points',
        'out_of_range',
        `points must be between 1 and ${rules.maxPointsPerRecipient} per colleague`,
        { min: 1, max: rules.maxPointsPerRecipient },
      );
    }
    await inTransaction(this.db, async (manager) => {
      // FOR SHARE: a boost and a withdrawal of the same kudos cannot interleave.
      const [kudos] = await manager.query(
        `SELECT id FROM kudos WHERE id = $1 AND organization_id = $2 AND withdrawn_at IS NULL AND hidden_at IS NULL FOR SHARE`,
        [kudosId, caller.organizationId],
      );
      if (!kudos) {
        throw notFound('Kudos');
      }
      const recipients: Recipient[] = await manager.query(
        `SELECT m.id, m.name, m.team_id FROM kudos_recipients r JOIN members m ON m.id = r.member_id
          WHERE r.kudos_id = $1 AND m.active ORDER BY m.id`,
        [kudosId],
      );
      if (recipients.some((r) => r.id === caller.id)) {
        throw invalid('points', 'own_kudos', 'You cannot boost a kudos you received.');
      }
      if (recipients.length === 0) {
        throw invalid(
          'points',
          'no_active_recipients',
          'Nobody on this kudos can receive points any more.',
        );
      }
      const now = this.clock.now();
      const today = localDate(now, timezone);
      await this.spend(manager, caller, {
        today,
        rules,
        amount: dto.points * recipients.length,
        perRecipient: dto.points,
        recipients,
      });
      const [boost] = await manager.query(
        `INSERT INTO kudos_boosts (kudos_id, organization_id, booster_id, points, occurred_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [kudosId, caller.organizationId, caller.id, dto.points, today, now],
      );
      await this.points.record(
        manager,
        caller.organizationId,
        this.lines(caller, recipients, dto.points, today, 'boost', boost.id),
        now,
      );
    });
    const kudos = await this.feed.get(caller, kudosId);
    this.events.emit('points.changed', {
      organizationId: caller.organizationId,
      memberIds: [caller.id, ...kudos.recipients.map((r) => r.id)],
    });
    return kudos;
  }

  /** The giver takes a kudos back within the window: allowance refunded, points reversed. */
  async withdraw(caller: AuthMember, kudosId: string): Promise<void> {
    const { rules } = await this.organizations.context(caller.organizationId);
    const memberIds = await inTransaction(this.db, async (manager) => {
      const kudos = await this.lockVisible(manager, caller.organizationId, kudosId);
      if (kudos.giver_id !== caller.id) {
        throw forbidden('Only the colleague who gave a kudos can withdraw it.');
      }
      const now = this.clock.now();
      if (now.getTime() > kudos.created_at.getTime() + rules.withdrawWindowMinutes * 60_000) {
        throw new DomainException(
          'withdraw_window_closed',
          `A kudos can be withdrawn only within ${rules.withdrawWindowMinutes} minutes of giving it.`,
          { params: { minutes: rules.withdrawWindowMinutes } },
        );
      }
      await manager.query(`UPDATE kudos SET withdrawn_at = $2 WHERE id = $1`, [kudosId, now]);
      return this.reverse(manager, caller.organizationId, kudosId, now, { refund: true });
    });
    this.events.emit('kudos.removed', {
      organizationId: caller.organizationId,
      kudosId,
      memberIds,
    });
  }

  /** An admin hides a kudos: points reversed by compensating entries, nothing deleted. */
  async hide(caller: AuthMember, kudosId: string): Promise<void> {
    const memberIds = await inTransaction(this.db, async (manager) => {
      await this.lockVisible(manager, caller.organizationId, kudosId);
      const now = this.clock.now();
      await manager.query(`UPDATE kudos SET hidden_at = $2, hidden_by_id = $3 WHERE id = $1`, [
        kudosId,
        now,
        caller.id,
      ]);
      return this.reverse(manager, caller.organizationId, kudosId, now, { refund: false });
    });
    this.events.emit('kudos.removed', {
      organizationId: caller.organizationId,
      kudosId,
      memberIds,
    });
  }

  private async lockVisible(
    manager: EntityManager,
    organizationId: string,
    kudosId: string,
  ): Promise<{ giver_id: string; created_at: Date }> {
    const [kudos] = await manager.query(
      `SELECT giver_id, created_at FROM kudos
        WHERE id = $1 AND organization_id = $2 AND withdrawn_at IS NULL AND hidden_at IS NULL FOR UPDATE`,
      [kudosId, organizationId],
    );
    if (!kudos) {
      throw notFound('Kudos');
    }
    return kudos;
  }

  /** Negates every ledger entry of the kudos and its boosts; optionally refunds the givers' allowances. */
  private async reverse(
    manager: EntityManager,
    organizationId: string,
    kudosId: string,
    now: Date,
    opts: { refund: boolean },
  ): Promise<string[]> {
    const entries: {
      member_id: string;
      account: 'earned' | 'given';
      amount: number;
      team_id: string | null;
      occurred_on: string;
      source_type: 'kudos' | 'boost';
      source_id: string;
    }[] = await manager.query(
      `SELECT member_id, account, amount, team_id, occurred_on, source_type, source_id
           FROM ledger_entries
          WHERE organization_id = $1 AND ((source_type = 'kudos' AND source_id = $2)
             OR (source_type = 'boost' AND source_id IN (SELECT id FROM kudos_boosts WHERE kudos_id = $2)))`,
      [organizationId, kudosId],
    );
    if (opts.refund) {
      for (const e of entries.filter((x) => x.account === 'given')) {
        await this.points.refundAllowance(
          manager,
          e.member_id,
          monthStart(e.occurred_on),
          e.amount,
        );
      }
    }
    await this.points.record(
      manager,
      organizationId,
      entries.map((e) => ({
        memberId: e.member_id,
        account: e.account,
        amount: -e.amount,
        teamId: e.team_id,
        occurredOn: e.occurred_on,
        sourceType: e.source_type,
        sourceId: e.source_id,
      })),
      now,
    );
    return [...new Set(entries.map((e) => e.member_id))];
  }

  private async activeRecipients(
    manager: EntityManager,
    organizationId: string,
    ids: string[],
  ): Promise<Recipient[]> {
    const rows: Recipient[] = await manager.query(
      `SELECT id, name, team_id FROM members WHERE organization_id = $1 AND id = ANY($2) AND active ORDER BY id`,
      [organizationId, ids],
    );
    if (rows.length !== ids.length) {
      throw invalid(
        'recipientIds',
        'unknown_recipient',
        'Every recipient must be an active colleague in your organisation.',
      );
    }
    return rows;
  }

  /**
   * Debits the allowance first: its row lock serialises this giver's requests,
   * so the daily and per-recipient caps below are checked without races.
   */
  private async spend(
    manager: EntityManager,
    caller: AuthMember,
    a: {
      today: string;
      rules: PointRules;
      amount: number;
      perRecipient: number;
      recipients: Recipient[];
    },
  ): Promise<void> {
    const period = monthStart(a.today);
    const monthlyTotal = monthlyAllowance(caller.role, a.rules);
    await this.points.debitAllowance(manager, {
      organizationId: caller.organizationId,
      memberId: caller.id,
      periodStart: period,
      monthlyTotal,
      amount: a.amount,
    });

    // Today's count and this month's points per recipient, in one round trip.
    const [usage]: { today: string; given: Record<string, number> }[] = await manager.query(
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
      [caller.id, a.today, period, a.perRecipient === 0 ? [] : a.recipients.map((r) => r.id)],
    );
    if (Number(usage.today) >= a.rules.maxKudosPerDay) {
      throw new DomainException(
        'daily_limit_reached',
        `You have reached today's limit of ${a.rules.maxKudosPerDay} kudos. Try again tomorrow.`,
        { params: { limit: a.rules.maxKudosPerDay } },
      );
    }

    if (a.perRecipient === 0) {
      return;
    }
    const cap = Math.floor((monthlyTotal * a.rules.maxShareToOneRecipientPercent) / 100);
    const given = Object.entries(usage.given).map(([member_id, points]) => ({ member_id, points }));
    for (const row of given) {
      const sofar = Number(row.points);
      if (sofar + a.perRecipient > cap) {
        const name = a.recipients.find((r) => r.id === row.member_id)?.name ?? 'this colleague';
        const left = Math.max(cap - sofar, 0);
        throw new DomainException(
          'recipient_cap_exceeded',
          `At most ${a.rules.maxShareToOneRecipientPercent}% of your monthly allowance (${cap} points) can go to one colleague: ${name} has had ${sofar} from you this month, so ${left} more at most.`,
          {
            params: { percent: a.rules.maxShareToOneRecipientPercent, cap },
            details: [{ field: 'points', code: 'recipient_cap_left', params: { left, name } }],
          },
        );
      }
    }
    if (a.perRecipient > cap) {
      throw new DomainException(
        'recipient_cap_exceeded',
        `At most ${a.rules.maxShareToOneRecipientPercent}% of your monthly allowance (${cap} points) can go to one colleague each month.`,
        {
          params: { percent: a.rules.maxShareToOneRecipientPercent, cap },
          details: [{ field: 'points', code: 'recipient_cap', params: { cap } }],
        },
      );
    }
  }

  private lines(
    caller: AuthMember,
    recipients: Recipient[],
    perRecipient: number,
    today: string,
    sourceType: 'kudos' | 'boost',
    sourceId: string,
  ): LedgerLine[] {
    if (perRecipient === 0) {
      return [];
    }
    const base = { occurredOn: today, sourceType, sourceId };
    return [
      ...recipients.map((r) => ({
        ...base,
        memberId: r.id,
        account: 'earned' as const,
        amount: perRecipient,
        teamId: r.team_id,
      })),
      {
        ...base,
        memberId: caller.id,
        account: 'given' as const,
        amount: perRecipient * recipients.length,
        teamId: caller.teamId,
      },
    ];
  }
}
