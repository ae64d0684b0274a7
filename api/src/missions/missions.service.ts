import { Inject, Injectable } from '@nestjs/common';
import type { BrandValueDto, ManagedMissionDto, MyMissionDto } from '@bravo/shared';
import { MISSION_LIMITS, VALUE_METRICS } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { BrandValuesService } from '../brand-values/brand-values.service';
import { Clock } from '../common/clock';
import { conflict, forbidden, invalid, notFound } from '../common/domain-exception';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { localDate } from '../points/periods';
import { TeamsService } from '../teams/teams.service';
import type { Mission } from './mission.entity';
import { canManage, isFor, missionPhase, monthOf, nextSpan } from './mission-rules';
import type { MissionInput } from './missions.dto';
import { managedMissionDto, missionDto } from './missions.mapper';
import { MissionsRepository } from './missions.repository';
import { TrackedMissions } from './tracked-missions.service';
import { TrackedProgress } from './tracked-progress.service';

/** A mission's span may not run longer than a year. */
const MAX_SPAN_DAYS = 366;

/** Writing missions and reading them: the manager's editor and the members' list. */
@Injectable()
export class MissionsService {
  constructor(
    private readonly repository: MissionsRepository,
    private readonly transactions: Transactions,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly teams: TeamsService,
    private readonly values: BrandValuesService,
    private readonly tracked: TrackedMissions,
    private readonly trackedProgress: TrackedProgress,
  ) {}

  async create(caller: AuthMember, input: MissionInput): Promise<ManagedMissionDto> {
    const today = await this.today(caller.organizationId);
    const fields = await this.checked(caller, input, today);
    const mission = await this.repository.save({
      ...fields,
      organizationId: caller.organizationId,
      createdById: caller.id,
    });
    return this.managedView(caller.organizationId, mission, today);
  }

  /** Drafts and missions that have not started yet can change; a running one cannot. */
  async update(caller: AuthMember, id: string, input: MissionInput): Promise<ManagedMissionDto> {
    const today = await this.today(caller.organizationId);
    const mission = await this.transactions.run(async () => {
      const current = await this.manageable(caller, id, true);
      if (!['draft', 'scheduled'].includes(missionPhase(current, today))) {
        throw conflict('mission_not_editable', 'A mission can change only before it starts.');
      }
      const fields = await this.checked(caller, input, today);
      return this.repository.save({ ...current, ...fields });
    });
    return this.managedView(caller.organizationId, mission, today);
  }

  async publish(caller: AuthMember, id: string): Promise<ManagedMissionDto> {
    const { timezone } = await this.organizations.context(caller.organizationId);
    const today = localDate(this.clock.now(), timezone);
    let fresh = false;
    const mission = await this.transactions.run(async () => {
      const current = await this.manageable(caller, id, true);
      if (missionPhase(current, today) !== 'draft') {
        return current; // publishing twice changes nothing
      }
      if (current.endsOn < today) {
        throw conflict('mission_not_open', 'This mission ended before it was published.');
      }
      fresh = true;
      return this.repository.save({ ...current, publishedAt: this.clock.now() });
    });
    if (fresh && mission.kind === 'tracked' && missionPhase(mission, today) === 'active') {
      this.tracked.published(mission, timezone);
    }
    return this.managedView(caller.organizationId, mission, today);
  }

  /** Closing ends it early and keeps its history (submissions, points). */
  async close(caller: AuthMember, id: string): Promise<ManagedMissionDto> {
    const today = await this.today(caller.organizationId);
    const mission = await this.transactions.run(async () => {
      const current = await this.manageable(caller, id, true);
      return current.closedAt
        ? current
        : this.repository.save({ ...current, closedAt: this.clock.now() });
    });
    return this.managedView(caller.organizationId, mission, today);
  }

  /** A draft copy for the month after (or the same span one month later). */
  async repeat(caller: AuthMember, id: string): Promise<ManagedMissionDto> {
    const today = await this.today(caller.organizationId);
    const source = await this.manageable(caller, id, false);
    const span = nextSpan(source.startsOn, source.endsOn);
    const copy = await this.repository.save({
      organizationId: source.organizationId,
      createdById: caller.id,
      title: source.title,
      description: source.description,
      valueId: source.valueId,
      points: source.points,
      teamIds: source.teamIds,
      ...span,
      maxCompletions: source.maxCompletions,
      kind: source.kind,
      evidence: source.evidence,
      questions: source.questions,
      passMark: source.passMark,
      maxAttempts: source.maxAttempts,
      trackedMetric: source.trackedMetric,
      trackedThreshold: source.trackedThreshold,
      targetCompletions: source.targetCompletions,
      targetBonus: source.targetBonus,
      publishedAt: null,
      closedAt: null,
    });
    return this.managedView(caller.organizationId, copy, today);
  }

  /** Every mission the caller may manage, in every phase. */
  async managed(caller: AuthMember): Promise<ManagedMissionDto[]> {
    const today = await this.today(caller.organizationId);
    const scope =
      caller.role === 'admin'
        ? ({ all: true } as const)
        : ({ all: false, teamIds: caller.managedTeamIds } as const);
    const [missions, values] = await Promise.all([
      this.repository.managed(caller.organizationId, scope, MISSION_LIMITS.listMax),
      this.valueLookup(caller.organizationId),
    ]);
    return missions.map((m) => managedMissionDto(m, values, today));
  }

  async managedOne(caller: AuthMember, id: string): Promise<ManagedMissionDto> {
    const today = await this.today(caller.organizationId);
    return this.managedView(caller.organizationId, await this.manageable(caller, id, false), today);
  }

  /** The missions running now for the caller, with their own and their team's progress. */
  async mine(caller: AuthMember): Promise<MyMissionDto[]> {
    const today = await this.today(caller.organizationId);
    const missions = await this.repository.forMember(caller.organizationId, caller.teamId, today);
    return this.withProgress(caller, missions, today);
  }

  async mineOne(caller: AuthMember, id: string): Promise<MyMissionDto> {
    const today = await this.today(caller.organizationId);
    const mission = await this.repository.find(caller.organizationId, id);
    if (!mission || !mission.publishedAt || !isFor(mission, caller.teamId)) {
      throw notFound('Mission');
    }
    const [view] = await this.withProgress(caller, [mission], today);
    return view;
  }

  private async withProgress(
    caller: AuthMember,
    missions: Mission[],
    today: string,
  ): Promise<MyMissionDto[]> {
    const ids = missions.map((m) => m.id);
    const [values, progress, team, tracked] = await Promise.all([
      this.valueLookup(caller.organizationId),
      this.repository.progress(caller.id, ids),
      caller.teamId ? this.repository.teamCounts(caller.teamId, ids) : Promise.resolve(null),
      this.trackedCounts(caller, missions, today),
    ]);
    return missions.map((m) => {
      const mine = progress.get(m.id);
      const counted = tracked.get(m.id);
      const completions = mine?.approved ?? 0;
      const pending = mine?.pending ?? 0;
      const attempts = mine?.attempts ?? 0;
      const teamRow = team?.get(m.id);
      const open = missionPhase(m, today) === 'active';
      const attemptsLeft = m.kind !== 'quiz' || attempts - completions < (m.maxAttempts ?? 1);
      return {
        ...missionDto(m, values, today),
        progress: {
          completions,
          pending,
          attempts,
          canSubmit:
            m.kind !== 'tracked' &&
            open &&
            completions + pending < m.maxCompletions &&
            attemptsLeft,
          tracked:
            counted && m.trackedThreshold !== null
              ? { value: counted.mine, threshold: m.trackedThreshold }
              : null,
          team:
            m.targetCompletions !== null && caller.teamId && teamRow
              ? {
                  teamId: caller.teamId,
                  completions: counted ? counted.team : teamRow.completions,
                  target: m.targetCompletions,
                  reached: teamRow.reached,
                }
              : null,
        },
      };
    });
  }

  /** The caller's, and their team's, counts on each tracked mission. */
  private async trackedCounts(
    caller: AuthMember,
    missions: Mission[],
    today: string,
  ): Promise<Map<string, { mine: number; team: number }>> {
    const out = new Map<string, { mine: number; team: number }>();
    for (const m of missions.filter((x) => x.kind === 'tracked')) {
      const mine = await this.trackedProgress.valueOf(m, caller.id, today);
      const team =
        m.targetCompletions !== null && caller.teamId
          ? ((await this.trackedProgress.teamTotals(m, [caller.teamId], today)).get(
              caller.teamId,
            ) ?? 0)
          : 0;
      out.set(m.id, { mine, team });
    }
    return out;
  }

  /** A mission the caller may manage; another organisation's is not found, another team's forbidden. */
  async manageable(caller: AuthMember, id: string, lock: boolean): Promise<Mission> {
    const mission = lock
      ? await this.repository.findForUpdate(caller.organizationId, id)
      : await this.repository.find(caller.organizationId, id);
    if (!mission) {
      throw notFound('Mission');
    }
    if (!canManage(mission, caller)) {
      throw forbidden('Only a manager of every team of this mission, or an admin, can manage it.');
    }
    return mission;
  }

  /** The organisation's brand values by id, archived ones included (old missions keep theirs). */
  async valueLookup(organizationId: string): Promise<Map<string, BrandValueDto>> {
    const values = await this.values.list(organizationId);
    return new Map(values.map((v) => [v.id, v]));
  }

  async today(organizationId: string): Promise<string> {
    const { timezone } = await this.organizations.context(organizationId);
    return localDate(this.clock.now(), timezone);
  }

  private async managedView(
    organizationId: string,
    mission: Mission,
    today: string,
  ): Promise<ManagedMissionDto> {
    return managedMissionDto(mission, await this.valueLookup(organizationId), today);
  }

  /** The input checked against the caller's teams, the organisation's values and itself. */
  private async checked(
    caller: AuthMember,
    input: MissionInput,
    today: string,
  ): Promise<Partial<Mission>> {
    if (input.teamIds.length === 0 && caller.role !== 'admin') {
      throw forbidden('Only an admin can set a mission for everyone: choose your teams.');
    }
    if (caller.role !== 'admin' && input.teamIds.some((t) => !caller.managedTeamIds.includes(t))) {
      throw forbidden('You can set missions only for the teams you manage.');
    }
    const known = await this.teams.existing(caller.organizationId, input.teamIds);
    const unknown = input.teamIds.findIndex((t) => !known.has(t));
    if (unknown >= 0) {
      throw invalid(
        `teamIds.${unknown}`,
        'unknown_team',
        'teamIds names a team that does not exist',
      );
    }
    if (input.valueId) {
      const value = (await this.valueLookup(caller.organizationId)).get(input.valueId);
      if (!value || value.archived) {
        throw invalid('valueId', 'unknown_value', 'valueId is not an active brand value');
      }
    }

    const month = monthOf(input.startsOn ?? today);
    const startsOn = input.startsOn ?? month.startsOn;
    const endsOn = input.endsOn ?? (input.startsOn ? month.endsOn : monthOf(today).endsOn);
    if (endsOn < startsOn) {
      throw invalid('endsOn', 'before_start', 'endsOn must not be before startsOn');
    }
    const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000 + 1;
    if (!Number.isFinite(days)) {
      throw invalid('startsOn', 'invalid_date', 'startsOn must be a date (YYYY-MM-DD)');
    }
    if (days > MAX_SPAN_DAYS) {
      throw invalid('endsOn', 'too_large', `a mission may run at most ${MAX_SPAN_DAYS} days`, {
        max: MAX_SPAN_DAYS,
      });
    }

    const kindFields = this.kindFields(input);
    return {
      title: input.title,
      description: (input.description ?? '').trim(),
      valueId: input.valueId ?? null,
      points: input.points,
      teamIds: [...input.teamIds].sort(),
      startsOn,
      endsOn,
      maxCompletions: input.maxCompletions ?? 1,
      ...kindFields,
      targetCompletions: input.teamTarget?.completions ?? null,
      targetBonus: input.teamTarget?.bonus ?? null,
    };
  }

  private kindFields(input: MissionInput): Partial<Mission> {
    const none = {
      evidence: null,
      questions: null,
      passMark: null,
      maxAttempts: null,
      trackedMetric: null,
      trackedThreshold: null,
    };
    if (input.kind !== 'evidence' && input.evidence) {
      throw invalid('evidence', 'unknown_field', 'only an evidence mission takes evidence');
    }
    if (input.kind !== 'quiz' && input.quiz) {
      throw invalid('quiz', 'unknown_field', 'only a quiz mission has questions');
    }
    if (input.kind !== 'tracked' && input.tracked) {
      throw invalid('tracked', 'unknown_field', 'only a tracked mission counts a metric');
    }
    if (input.kind === 'evidence') {
      if (!input.evidence) {
        throw invalid('evidence', 'required', 'an evidence mission says what is handed in');
      }
      return { ...none, kind: 'evidence', evidence: input.evidence };
    }
    if (input.kind === 'tracked') {
      if (!input.tracked) {
        throw invalid('tracked', 'required', 'a tracked mission says what it counts');
      }
      if (VALUE_METRICS.includes(input.tracked.metric) && !input.valueId) {
        throw invalid('valueId', 'required', 'this metric counts one brand value: choose it');
      }
      return {
        ...none,
        kind: 'tracked',
        trackedMetric: input.tracked.metric,
        trackedThreshold: input.tracked.threshold,
      };
    }
    if (!input.quiz) {
      throw invalid('quiz', 'required', 'a quiz mission needs its questions');
    }
    const questions = input.quiz.questions.map((q, i) => {
      const options = q.options.map((o) => o.trim());
      if (options.some((o) => o.length === 0)) {
        throw invalid(`quiz.questions.${i}.options`, 'too_short', 'an option must not be empty', {
          min: 1,
        });
      }
      if (q.correct.some((c) => c >= options.length)) {
        throw invalid(
          `quiz.questions.${i}.correct`,
          'invalid_choice',
          'correct names an option that does not exist',
          {
            allowed: options.map((_, n) => n).join(', '),
          },
        );
      }
      return { text: q.text, options, correct: [...q.correct].sort((a, b) => a - b) };
    });
    return {
      ...none,
      kind: 'quiz',
      questions,
      passMark: input.quiz.passMark,
      maxAttempts: input.quiz.maxAttempts,
    };
  }
}
