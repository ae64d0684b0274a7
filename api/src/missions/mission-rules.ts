import type { MissionPhase } from '@bravo/shared';
import { addDays, addMonths, monthStart } from '../points/periods';
import type { Mission, StoredQuestion } from './mission.entity';

/** Where a mission is in its life on a local date. */
export function missionPhase(
  m: Pick<Mission, 'publishedAt' | 'closedAt' | 'startsOn' | 'endsOn'>,
  today: string,
): MissionPhase {
  if (m.closedAt || (m.publishedAt && today > m.endsOn)) {
    return 'closed';
  }
  if (!m.publishedAt) {
    return 'draft';
  }
  return today < m.startsOn ? 'scheduled' : 'active';
}

/** The calendar month of a date: the default span of a mission. */
export function monthOf(date: string): { startsOn: string; endsOn: string } {
  const startsOn = monthStart(date);
  return { startsOn, endsOn: addDays(addMonths(startsOn, 1), -1) };
}

/**
 * "Repeat next month": a whole-month mission moves to the next whole month; any
 * other span moves by one month, keeping its length.
 */
export function nextSpan(startsOn: string, endsOn: string): { startsOn: string; endsOn: string } {
  const month = monthOf(startsOn);
  if (month.startsOn === startsOn && month.endsOn === endsOn) {
    return monthOf(addMonths(startsOn, 1));
  }
  const days = Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000);
  // The same day of the next month, or its last day when it is shorter (31 Jan → 28 Feb).
  const following = monthOf(addMonths(startsOn, 1));
  const day = Math.min(Number(startsOn.slice(8)), Number(following.endsOn.slice(8)));
  const next = `${following.startsOn.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return { startsOn: next, endsOn: addDays(next, days) };
}

/**
 * The share of questions answered exactly right (every right option ticked, no wrong
 * one), rounded down to a whole per cent. `answers[i]` are the option indexes ticked for question i.
 */
export function quizScore(questions: StoredQuestion[], answers: number[][]): number {
  if (questions.length === 0) {
    return 0;
  }
  const right = questions.filter((q, i) => {
    const given = new Set(answers[i] ?? []);
    return given.size === q.correct.length && q.correct.every((c) => given.has(c));
  }).length;
  return Math.floor((right * 100) / questions.length);
}

/** Whether a mission is for a member: everyone's, or one of its teams is the member's. */
export function isFor(m: Pick<Mission, 'teamIds'>, teamId: string | null): boolean {
  return m.teamIds.length === 0 || (teamId !== null && m.teamIds.includes(teamId));
}

/** Whether a caller may manage (edit, review) a mission: admins all, managers those of their teams only. */
export function canManage(
  m: Pick<Mission, 'teamIds'>,
  caller: { role: string; managedTeamIds: string[] },
): boolean {
  if (caller.role === 'admin') {
    return true;
  }
  return (
    caller.role === 'manager' &&
    m.teamIds.length > 0 &&
    m.teamIds.every((t) => caller.managedTeamIds.includes(t))
  );
}
