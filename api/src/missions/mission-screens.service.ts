import { Injectable } from '@nestjs/common';
import { displayName, type ScreenMissionDto } from '@bravo/shared';
import { MembersService } from '../members/members.service';
import { TeamsService } from '../teams/teams.service';
import { MissionsRepository } from './missions.repository';
import type { Mission } from './mission.entity';
import { MissionsService } from './missions.service';
import { TrackedProgress } from './tracked-progress.service';

const RECENT_PER_MISSION = 5;

/** The missions panel of the TV screens: running missions, team meters, the latest completers. */
@Injectable()
export class MissionScreensService {
  constructor(
    private readonly repository: MissionsRepository,
    private readonly missions: MissionsService,
    private readonly members: MembersService,
    private readonly teams: TeamsService,
    private readonly tracked: TrackedProgress,
  ) {}

  /** For an organisation screen (`teamId` null) or one team's screen. */
  async forScreen(organizationId: string, teamId: string | null): Promise<ScreenMissionDto[]> {
    const today = await this.missions.today(organizationId);
    const running = await this.repository.forScreen(organizationId, teamId, today);
    if (running.length === 0) {
      return [];
    }
    const ids = running.map((m) => m.id);
    const [counts, recent, reached, teams, values] = await Promise.all([
      this.repository.teamCompletions(ids),
      this.repository.recentCompleters(ids, teamId, RECENT_PER_MISSION),
      this.repository.reachedTargets(ids),
      this.teams.list(organizationId),
      this.missions.valueLookup(organizationId),
    ]);
    // A team screen shows its own meter; an organisation screen every team the mission is for.
    const meterTeamsOf = (m: Mission) =>
      teamId ? [teamId] : m.teamIds.length > 0 ? m.teamIds : teams.map((t) => t.id);
    const totals = await this.trackedTotals(running, meterTeamsOf, today);
    const completers = recent.map((r) => r.member_id);
    const names = await this.members.summaries(organizationId, completers);
    // Each completer's choice on screens: the screen's own style applies on top (ScreenView).
    const choices = await this.members.screenChoices(organizationId, completers);
    const onScreens = (id: string) => {
      const name = names.get(id)?.name ?? '';
      const choice = choices.get(id);
      return choice === 'hidden' ? '' : choice === 'first' ? displayName(name, 'first_name') : name;
    };
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const reachedKeys = new Set(reached.map((r) => `${r.mission_id}|${r.team_id}`));
    const countOf = (missionId: string, team: string | null) =>
      counts
        .filter((c) => c.mission_id === missionId && (team === null || c.team_id === team))
        .reduce((sum, c) => sum + c.completions, 0);

    return running.map((m) => {
      const value = m.valueId ? values.get(m.valueId) : undefined;
      const meterTeams = meterTeamsOf(m);
      const target = m.targetCompletions;
      const metricTotals = totals.get(m.id);
      return {
        id: m.id,
        title: m.title,
        value: value ? { name: value.name, emoji: value.emoji, color: value.color } : null,
        points: m.points,
        endsOn: m.endsOn,
        kind: m.kind,
        trackedMetric: m.trackedMetric,
        completions: countOf(m.id, teamId),
        meters:
          target === null
            ? []
            : meterTeams
                .filter((t) => teamName.has(t))
                .map((t) => ({
                  teamId: t,
                  teamName: teamName.get(t) ?? '',
                  completions: metricTotals ? (metricTotals.get(t) ?? 0) : countOf(m.id, t),
                  target,
                  reached: reachedKeys.has(`${m.id}|${t}`),
                })),
        recent: recent
          .filter((r) => r.mission_id === m.id)
          .map((r) => onScreens(r.member_id))
          .filter((name) => name !== ''),
      };
    });
  }

  /** Tracked missions with a target: each shown team's metric total (their meters). */
  private async trackedTotals(
    running: Mission[],
    meterTeamsOf: (m: Mission) => string[],
    today: string,
  ): Promise<Map<string, Map<string, number>>> {
    const out = new Map<string, Map<string, number>>();
    for (const m of running.filter((x) => x.kind === 'tracked' && x.targetCompletions !== null)) {
      out.set(m.id, await this.tracked.teamTotals(m, meterTeamsOf(m), today));
    }
    return out;
  }

  /** A team's name, for a celebration. */
  async teamName(organizationId: string, teamId: string): Promise<string> {
    return (await this.teams.find(organizationId, teamId))?.name ?? '';
  }

  async title(organizationId: string, missionId: string): Promise<string> {
    return (await this.repository.find(organizationId, missionId))?.title ?? '';
  }
}
