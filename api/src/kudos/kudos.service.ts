import { Inject, Injectable } from '@nestjs/common';
import type { KudosDto, PointRules } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { DomainException, forbidden, invalid, notFound } from '../common/domain-exception';
import { Idempotency } from '../common/idempotency';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { monthlyAllowance } from '../points/monthly-allowance';
import { localDate, monthStart } from '../points/periods';
import { PointsService, type LedgerLine } from '../points/points.service';
import type { CreateBoostDto, CreateKudosDto } from './kudos.dto';
import { DomainEvents } from '../events/domain-events';
import { KudosFeedService } from './kudos-feed.service';
import type { KudosRecord } from './kudos-record';
import { kudosDto, NO_SOCIAL } from './kudos.mapper';
import { KudosRepository, type RecipientRow as Recipient } from './kudos.repository';

/**
 * Giving, boosting, withdrawing and hiding kudos. Each is one transaction in
 * which the allowance debit, the domain rows and the ledger move together.
 */
@Injectable()
export class KudosService {
  constructor(
    private readonly repository: KudosRepository,
    private readonly transactions: Transactions,
    private readonly idempotency: Idempotency,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly points: PointsService,
    private readonly feed: KudosFeedService,
    private readonly events: DomainEvents,
  ) {}

  async give(caller: AuthMember, dto: CreateKudosDto, idempotencyKey?: string): Promise<KudosDto> {
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
    let fresh: KudosRecord | undefined;
    const once = await this.idempotency.once(
      caller,
      idempotencyKey,
      { op: 'kudos.create', dto },
      async (): Promise<{ id: string }> => {
        const recipients = await this.activeRecipients(caller.organizationId, dto.recipientIds);
        const value = await this.repository.activeValue(caller.organizationId, dto.valueId);
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
        await this.spend(caller, {
          today,
          rules,
          amount,
          perRecipient: dto.points,
          recipients,
        });

        const kudosId = await this.repository.insert({
          organizationId: caller.organizationId,
          giverId: caller.id,
          valueId: dto.valueId,
          message: dto.message,
          points: dto.points,
          occurredOn: today,
          createdAt: now,
          recipients,
        });
        // The ledger's row locks (the recipients' totals, the boards' version) come last: held briefly.
        await this.points.record(
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
        await this.events.emitWithin('kudos.given', {
          organizationId: caller.organizationId,
          kudos: fresh,
        });
        return { id: kudosId };
      },
    );
    if (once.replayed || !fresh) {
      return this.feed.get(caller, once.result.id);
    }
    this.events.emit('kudos.created', { organizationId: caller.organizationId, kudos: fresh });
    const viewer = {
      id: caller.id,
      withdrawWindowMs: rules.withdrawWindowMinutes * 60_000,
      now: this.clock.now(),
    };
    return kudosDto(fresh, NO_SOCIAL, viewer);
  }

  async boost(caller: AuthMember, kudosId: string, dto: CreateBoostDto): Promise<KudosDto> {
    const { timezone, rules } = await this.organizations.context(caller.organizationId);
    if (dto.points > rules.maxPointsPerRecipient) {
      throw invalid(
        'points',
        'out_of_range',
        `points must be between 1 and ${rules.maxPointsPerRecipient} per colleague`,
        { min: 1, max: rules.maxPointsPerRecipient },
      );
    }
    await this.transactions.run(async () => {
      // FOR SHARE: a boost and a withdrawal of the same kudos cannot interleave.
      if (!(await this.repository.lockVisible(caller.organizationId, kudosId, 'share'))) {
        throw notFound('Kudos');
      }
      const recipients = await this.repository.activeRecipientsOf(kudosId);
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
      await this.spend(caller, {
        today,
        rules,
        amount: dto.points * recipients.length,
        perRecipient: dto.points,
        recipients,
      });
      const boostId = await this.repository.insertBoost({
        kudosId,
        organizationId: caller.organizationId,
        boosterId: caller.id,
        points: dto.points,
        occurredOn: today,
        createdAt: now,
      });
      await this.points.record(
        caller.organizationId,
        this.lines(caller, recipients, dto.points, today, 'boost', boostId),
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
    const memberIds = await this.transactions.run(async () => {
      const kudos = await this.lockVisible(caller.organizationId, kudosId);
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
      await this.repository.markWithdrawn(kudosId, now);
      return this.reverse(caller.organizationId, kudosId, now, { refund: true });
    });
    this.events.emit('kudos.removed', {
      organizationId: caller.organizationId,
      kudosId,
      memberIds,
    });
  }

  /** An admin hides a kudos: points reversed by compensating entries, nothing deleted. */
  async hide(caller: AuthMember, kudosId: string): Promise<void> {
    const memberIds = await this.transactions.run(async () => {
      await this.lockVisible(caller.organizationId, kudosId);
      const now = this.clock.now();
      await this.repository.markHidden(kudosId, now, caller.id);
      return this.reverse(caller.organizationId, kudosId, now, { refund: false });
    });
    this.events.emit('kudos.removed', {
      organizationId: caller.organizationId,
      kudosId,
      memberIds,
    });
  }

  private async lockVisible(
    organizationId: string,
    kudosId: string,
  ): Promise<{ giver_id: string; created_at: Date }> {
    const kudos = await this.repository.lockVisible(organizationId, kudosId, 'update');
    if (!kudos) {
      throw notFound('Kudos');
    }
    return kudos;
  }

  /** Negates every ledger entry of the kudos and its boosts (through points); optionally refunds the givers. */
  private async reverse(
    organizationId: string,
    kudosId: string,
    now: Date,
    opts: { refund: boolean },
  ): Promise<string[]> {
    const boosts = await this.repository.boostIds(kudosId);
    return this.points.reverse(
      organizationId,
      [{ type: 'kudos', id: kudosId }, ...boosts.map((id) => ({ type: 'boost' as const, id }))],
      now,
      opts,
    );
  }

  private async activeRecipients(organizationId: string, ids: string[]): Promise<Recipient[]> {
    const rows = await this.repository.activeRecipients(organizationId, ids);
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
    // The month's total is the role's amount scaled by the giver's part-time factor.
    const { total: monthlyTotal } = await this.points.debitAllowance({
      organizationId: caller.organizationId,
      memberId: caller.id,
      periodStart: period,
      fullTimeTotal: monthlyAllowance(caller.role, a.rules),
      amount: a.amount,
    });

    const usage = await this.repository.usage(
      caller.id,
      a.today,
      period,
      a.perRecipient === 0 ? [] : a.recipients.map((r) => r.id),
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
