import {
  BADGE_METRICS,
  VALUE_METRICS,
  windowsFor,
  type BadgeDto,
  type BadgeMetric,
  type BadgeWindow,
} from '@bravo/shared';
import type { FieldProblem } from '$lib/forms';

/** The fields of the badge editor, as typed (kept on an error). */
export const BADGE_FIELDS = [
  'name',
  'icon',
  'description',
  'bonusPoints',
  'metric',
  'threshold',
  'window',
  'valueId',
] as const;

export interface BadgeRuleBody {
  metric: BadgeMetric;
  threshold: number;
  window: BadgeWindow;
  valueId: string | null;
}

/**
 * The windows the editor offers for a metric (a streak: all time only; months of missions:
 * a month or all time), and which one it shows: the one wanted when allowed, else all time.
 */
export function windowChoices(
  metric: string,
  wanted: string | undefined,
): { windows: readonly BadgeWindow[]; selected: BadgeWindow } {
  const windows = (BADGE_METRICS as readonly string[]).includes(metric)
    ? windowsFor(metric as BadgeMetric)
    : windowsFor('kudos_given');
  const selected = windows.find((w) => w === wanted) ?? windows[windows.length - 1];
  return { windows, selected };
}

/** A whole number typed in a form, or undefined when it is not one (the field is named as wrong). */
function whole(value: string): number | undefined {
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * The rule part of the editor's form as the API's body; numbers that are not whole come back
 * as field problems (the API would only see "not a number").
 */
export function badgeRule(values: Record<string, string>): {
  rule: BadgeRuleBody;
  problems: Record<string, FieldProblem[]>;
} {
  const problems: Record<string, FieldProblem[]> = {};
  const threshold = whole(values.threshold ?? '');
  if (threshold === undefined) {
    problems.threshold = [{ code: 'not_whole_number', params: {} }];
  }
  return {
    rule: {
      metric: values.metric as BadgeMetric,
      threshold: threshold ?? 0,
      window: values.window as BadgeWindow,
      // Only the per-value metric names a value: any other would be refused for naming one.
      valueId: (VALUE_METRICS as readonly string[]).includes(values.metric ?? '')
        ? values.valueId || null
        : null,
    },
    problems,
  };
}

/** The bonus as typed: empty is none. */
export function badgeBonus(value: string): { bonus: number | undefined; ok: boolean } {
  if (value.trim() === '') {
    return { bonus: 0, ok: true };
  }
  const bonus = whole(value);
  return { bonus, ok: bonus !== undefined };
}

/** A saved badge as the editor's fields (what the form shows before anything is typed). */
export function badgeFormValues(badge: BadgeDto): Record<string, string> {
  return {
    name: badge.name,
    icon: badge.icon,
    description: badge.description,
    bonusPoints: String(badge.bonusPoints),
    metric: badge.metric,
    threshold: String(badge.threshold),
    window: badge.window,
    valueId: badge.valueId ?? '',
  };
}
