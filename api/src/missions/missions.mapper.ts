import type {
  BrandValueDto,
  ManagedMissionDto,
  MemberSummary,
  MissionDto,
  MissionSubmissionDto,
} from '@bravo/shared';
import { missionPhase } from './mission-rules';
import type { Mission, MissionSubmission } from './mission.entity';

type ValueLookup = Map<string, BrandValueDto>;

function base(m: Mission, values: ValueLookup, today: string): Omit<MissionDto, 'quiz'> {
  const value = m.valueId ? values.get(m.valueId) : undefined;
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    value: value
      ? { id: value.id, name: value.name, emoji: value.emoji, color: value.color }
      : null,
    points: m.points,
    teamIds: m.teamIds,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    maxCompletions: m.maxCompletions,
    kind: m.kind,
    evidence: m.evidence,
    tracked:
      m.trackedMetric !== null && m.trackedThreshold !== null
        ? { metric: m.trackedMetric, threshold: m.trackedThreshold }
        : null,
    teamTarget:
      m.targetCompletions !== null
        ? { completions: m.targetCompletions, bonus: m.targetBonus ?? 0 }
        : null,
    phase: missionPhase(m, today),
    createdAt: m.createdAt.toISOString(),
  };
}

/** A mission as a member sees it: the quiz without its answers. */
export function missionDto(m: Mission, values: ValueLookup, today: string): MissionDto {
  return {
    ...base(m, values, today),
    quiz: m.questions
      ? {
          questions: m.questions.map((q) => ({
            text: q.text,
            options: q.options,
            multiple: q.correct.length > 1,
          })),
          passMark: m.passMark ?? 100,
          maxAttempts: m.maxAttempts ?? 1,
        }
      : null,
  };
}

/** A mission as its manager sees it, answers included. */
export function managedMissionDto(
  m: Mission,
  values: ValueLookup,
  today: string,
): ManagedMissionDto {
  return {
    ...base(m, values, today),
    quiz: m.questions
      ? {
          questions: m.questions.map((q) => ({
            text: q.text,
            options: q.options,
            multiple: q.correct.length > 1,
            correct: q.correct,
          })),
          passMark: m.passMark ?? 100,
          maxAttempts: m.maxAttempts ?? 1,
        }
      : null,
  };
}

export function submissionDto(
  s: MissionSubmission,
  mission: Pick<Mission, 'title' | 'points'> | undefined,
  member: MemberSummary | undefined,
): MissionSubmissionDto {
  return {
    id: s.id,
    missionId: s.missionId,
    missionTitle: mission?.title ?? '',
    member: member ?? { id: s.memberId, name: '', teamId: s.teamId },
    status: s.status,
    text: s.text,
    url: s.url,
    photoId: s.photoId,
    score: s.score,
    points: mission?.points ?? 0,
    rejectReason: s.rejectReason,
    createdAt: s.createdAt.toISOString(),
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
  };
}
