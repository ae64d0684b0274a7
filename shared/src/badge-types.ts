/**
 * Badges are data: a name, an icon from the set Bravo ships, an optional bonus and a rule
 * (a metric, a threshold and a window). Features register the metrics they answer.
 */

/** The icons a badge can wear (the web draws each key; names are data, icons are not). */
export const BADGE_ICONS = [
  'star',
  'rocket',
  'heart',
  'handshake',
  'trophy',
  'medal',
  'fire',
  'sparkles',
  'crown',
  'gem',
  'sun',
  'target',
] as const;
export type BadgeIcon = (typeof BADGE_ICONS)[number];

/**
 * The metrics a rule can count. Kudos answers the kudos ones, missions `missions_completed`
 * and `months_all_missions_completed` (calendar months in which the member completed every
 * mission of the month that was for them), customer praise `praise_approved`. Tracked
 * missions count some of the same.
 */
export const BADGE_METRICS = [
  'kudos_received',
  'kudos_given',
  'distinct_colleagues_recognised',
  'kudos_received_for_value',
  'kudos_given_for_value',
  'distinct_givers',
  'weekly_giving_streak',
  'missions_completed',
  'months_all_missions_completed',
  'praise_approved',
] as const;
export type BadgeMetric = (typeof BADGE_METRICS)[number];

/** Metrics that count one brand value (the rule names it in `valueId`). */
export const VALUE_METRICS: readonly BadgeMetric[] = [
  'kudos_received_for_value',
  'kudos_given_for_value',
];
/** Calendar weeks (from Monday) and months in the organisation's time zone, or all time. */
export const BADGE_WINDOWS = ['week', 'month', 'all_time'] as const;
export type BadgeWindow = (typeof BADGE_WINDOWS)[number];

/**
 * The windows a rule on a metric may use, where not every window makes sense: a streak has
 * no window; months of missions are counted per month or over all time, never per week.
 */
export const METRIC_WINDOWS: Readonly<Partial<Record<BadgeMetric, readonly BadgeWindow[]>>> = {
  weekly_giving_streak: ['all_time'],
  months_all_missions_completed: ['month', 'all_time'],
};

/** The windows a rule on `metric` may use. */
export function windowsFor(metric: BadgeMetric): readonly BadgeWindow[] {
  return METRIC_WINDOWS[metric] ?? BADGE_WINDOWS;
}

/** The window start all-time awards carry. */
export const ALL_TIME_WINDOW_START = '1970-01-01';

export interface BadgeRuleDto {
  metric: BadgeMetric;
  threshold: number;
  window: BadgeWindow;
  /** Only for `kudos_received_for_value`. */
  valueId: string | null;
}

export interface BadgeDto extends BadgeRuleDto {
  id: string;
  name: string;
  icon: BadgeIcon;
  /** An uploaded image the badge wears instead of its icon (the icon stays the fallback). */
  imageId: string | null;
  description: string;
  bonusPoints: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who would earn a rule now, without writing anything. */
export interface BadgePreviewDto {
  /** Members who qualify (in at least one window, for windowed rules). */
  count: number;
  /** The first 20 of them, by name. */
  members: { id: string; name: string }[];
}

export interface EarnedBadgeDto {
  awardId: string;
  badge: BadgeDto;
  /** The window the award is for (`1970-01-01` for all-time badges). */
  windowStart: string;
  awardedAt: string;
}

export interface BadgeProgressDto {
  badge: BadgeDto;
  /** The member's value in the current window (all time for all-time badges). */
  current: number;
  threshold: number;
  /** The current window's start (`1970-01-01` for all time). */
  windowStart: string;
}

export interface MemberBadgesDto {
  earned: EarnedBadgeDto[];
  /** Active badges not yet earned (in the current window, for windowed ones). */
  progress: BadgeProgressDto[];
}
