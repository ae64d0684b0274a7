import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainEvents } from '../events/domain-events';
import { OrganizationsService } from '../organizations/organizations.service';
import { monthlyAllowance } from './monthly-allowance';
import { localDate, monthStart } from './periods';
import { PointsRepository } from './points.repository';

/**
 * A changed part-time factor applies at once: this month's allowance, if already opened,
 * is rescaled in the members' transaction (never below what is spent); a month not
 * opened yet opens with the new factor (`PointsRepository.debitAllowance`).
 */
@Injectable()
export class PartTimeAllowance implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: PointsRepository,
    private readonly organizations: OrganizationsService,
    private readonly events: DomainEvents,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.handle('member.part_time_changed', async (change) => {
      const { timezone, rules } = await this.organizations.context(change.organizationId);
      const period = monthStart(localDate(this.clock.now(), timezone));
      const total = monthlyAllowance(change.role, rules, change.partTimeFactor);
      await this.repository.rescaleAllowance(change.memberId, period, total);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
