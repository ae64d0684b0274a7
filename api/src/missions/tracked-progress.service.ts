import { Injectable } from '@nestjs/common';
import type { MetricCount } from '../badges/badge-metric-source';
import { BadgeMetrics } from '../badges/badge-metrics';
import { MembersService } from '../members/members.service';
import type { Mission } from './mission.entity';

/** A tracked mission's counts: the badges' metrics over the mission's span (to today). */
@Injectable()
export class TrackedProgress {
  constructor(
    private readonly metrics: BadgeMetrics,
    private readonly members: MembersService,
  ) {}

  /** Each member's count in the span (only those with at least `atLeast`); null: everyone. */
  counts(
    mission: Mission,
    memberIds: string[] | null,
    today: string,
    atLeast = 1,
  ): Promise<MetricCount[]> {
    if (!mission.trackedMetric || (memberIds !== null && memberIds.length === 0)) {
      return Promise.resolve([]);
    }
    return this.metrics.counts({
      organizationId: mission.organizationId,
      metric: mission.trackedMetric,
      window: 'all_time',
      valueId: mission.valueId,
      memberIds,
      windows: 'current',
      today,
      atLeast,
      span: { from: mission.startsOn, to: mission.endsOn },
    });
  }

  /** One member's count in the span. */
  async valueOf(mission: Mission, memberId: string, today: string): Promise<number> {
    const [row] = await this.counts(mission, [memberId], today);
    return row?.value ?? 0;
  }

  /** Each team's total: its active members' counts summed (the team target's meter). */
  async teamTotals(
    mission: Mission,
    teamIds: string[],
    today: string,
  ): Promise<Map<string, number>> {
    const totals = new Map(teamIds.map((t) => [t, 0]));
    const teamOf = new Map<string, string>();
    for (const m of await this.members.activeInTeams(mission.organizationId, teamIds)) {
      if (m.teamId) {
        teamOf.set(m.id, m.teamId);
      }
    }
    for (const row of await this.counts(mission, [...teamOf.keys()], today)) {
      const team = teamOf.get(row.memberId);
      if (team) {
        totals.set(team, (totals.get(team) ?? 0) + row.value);
      }
    }
    return totals;
  }
}
