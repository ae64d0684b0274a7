import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { DomainEvents } from '../events/domain-events';
import { MembersService } from '../members/members.service';
import { localDate } from '../points/periods';
import { PointsService, type LedgerLine } from '../points/points.service';
import type { Mission, MissionSubmission } from './mission.entity';
import { MissionsRepository } from './missions.repository';

/** What one completion (or a team's progress) pays and announces, settled together. */
interface Payout {
  lines: LedgerLine[];
  moved: Set<string>;
  after: (() => void)[];
}

/**
 * A completion's points and a team target's bonus, through the ledger in the caller's
 * transaction; the events after commit. Evidence, quizzes and tracked missions all end here.
 */
@Injectable()
export class MissionCompletions {
  constructor(
    private readonly repository: MissionsRepository,
    private readonly transactions: Transactions,
    private readonly members: MembersService,
    private readonly points: PointsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * An approved submission: its points, then — for a mission whose target counts
   * completions — the member's team's target. The team's lock makes concurrent completions
   * count one after the other, so the one that reaches the target sees it, and the reached
   * row (unique per mission and team) pays the bonus once.
   */
  async complete(
    mission: Mission,
    submission: MissionSubmission,
    now: Date,
    timezone: string,
  ): Promise<void> {
    const org = mission.organizationId;
    const today = localDate(now, timezone);
    const payout: Payout = { lines: [], moved: new Set(), after: [] };
    if (mission.points > 0) {
      payout.lines.push({
        memberId: submission.memberId,
        account: 'earned',
        amount: mission.points,
        teamId: submission.teamId,
        occurredOn: today,
        sourceType: 'mission',
        sourceId: submission.id,
      });
      payout.moved.add(submission.memberId);
    }
    payout.after.push(() =>
      this.events.emit('mission.completed', {
        organizationId: org,
        missionId: mission.id,
        memberId: submission.memberId,
        teamId: submission.teamId,
        submissionId: submission.id,
        points: mission.points,
      }),
    );
    const teamId = submission.teamId;
    if (mission.kind !== 'tracked' && mission.targetCompletions !== null && teamId) {
      await this.lockTeam(mission, teamId);
      const team = (await this.repository.teamCounts(teamId, [mission.id])).get(mission.id);
      await this.teamProgress(mission, teamId, team?.completions ?? 0, today, payout);
    }
    await this.settle(org, payout, now);
  }

  /**
   * A tracked mission's team total moved (its metric summed over the team): the meter moves,
   * and the bonus goes out once when the total reaches the target. `total` reads what the
   * caller counted after taking `lockTeam`.
   */
  async teamTotal(mission: Mission, teamId: string, total: number, now: Date, timezone: string) {
    const payout: Payout = { lines: [], moved: new Set(), after: [] };
    await this.teamProgress(mission, teamId, total, localDate(now, timezone), payout);
    await this.settle(mission.organizationId, payout, now);
  }

  /** Serialises a team's progress on a mission with every other transaction moving it. */
  lockTeam(mission: Mission, teamId: string): Promise<void> {
    return this.repository.lock(`mission:${mission.id}:team:${teamId}`);
  }

  private async teamProgress(
    mission: Mission,
    teamId: string,
    completions: number,
    today: string,
    payout: Payout,
  ): Promise<void> {
    const org = mission.organizationId;
    const target = mission.targetCompletions;
    if (target === null) {
      return;
    }
    payout.after.push(() =>
      this.events.emit('mission.progressed', {
        organizationId: org,
        missionId: mission.id,
        teamId,
        completions,
        target,
      }),
    );
    const reachedId =
      completions >= target
        ? await this.repository.markTargetReached(org, mission.id, teamId)
        : null;
    if (!reachedId) {
      return;
    }
    const bonus = mission.targetBonus ?? 0;
    const members = await this.members.activeInTeam(org, teamId);
    if (bonus > 0) {
      for (const m of members) {
        payout.lines.push({
          memberId: m.id,
          account: 'earned',
          amount: bonus,
          teamId: m.teamId,
          occurredOn: today,
          sourceType: 'team_target',
          sourceId: reachedId,
        });
        payout.moved.add(m.id);
      }
    }
    payout.after.push(() =>
      this.events.emit('team-target.reached', {
        organizationId: org,
        missionId: mission.id,
        teamId,
        memberIds: members.map((m) => m.id),
        bonus,
      }),
    );
  }

  private async settle(organizationId: string, payout: Payout, now: Date): Promise<void> {
    await this.points.record(organizationId, payout.lines, now);
    if (payout.moved.size > 0) {
      payout.after.push(() =>
        this.events.emit('points.changed', { organizationId, memberIds: [...payout.moved] }),
      );
    }
    this.transactions.afterCommit(() => payout.after.forEach((emit) => emit()));
  }
}
