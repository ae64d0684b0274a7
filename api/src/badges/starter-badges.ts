import { LIMITS } from '@bravo/shared';
import type { NewBadge } from './badges.repository';

/**
 * The catalogue every organisation starts with (signup, the demo seed): First Bravo, Team Player,
 * a Value Champion per brand value, Mission Accomplished, Brand Ambassador (every mission of a
 * month, once per month), Customer Hero (a first approved customer praise) and On a Roll. Names are data (English; an admin renames
 * them). No bonus: an admin decides what a badge is worth in points.
 */
export function starterBadges(
  organizationId: string,
  values: readonly { id: string; name: string }[],
): NewBadge[] {
  const base = { organizationId, bonusPoints: 0, active: true, valueId: null };
  return [
    {
      ...base,
      name: 'First Bravo',
      icon: 'sparkles',
      description: 'Gave a first kudos.',
      metric: 'kudos_given',
      threshold: 1,
      window: 'all_time',
    },
    {
      ...base,
      name: 'Team Player',
      icon: 'handshake',
      description: 'Recognised 5 different colleagues.',
      metric: 'distinct_colleagues_recognised',
      threshold: 5,
      window: 'all_time',
    },
    ...values.map((v): NewBadge => ({
      ...base,
      name: `Value Champion: ${v.name}`.slice(0, LIMITS.badgeNameMax),
      icon: 'medal',
      description: `Received 5 kudos for ${v.name}.`.slice(0, LIMITS.badgeDescriptionMax),
      metric: 'kudos_received_for_value',
      threshold: 5,
      window: 'all_time',
      valueId: v.id,
    })),
    {
      ...base,
      name: 'Mission Accomplished',
      icon: 'target',
      description: 'Completed a first brand mission.',
      metric: 'missions_completed',
      threshold: 1,
      window: 'all_time',
    },
    {
      ...base,
      name: 'Brand Ambassador',
      icon: 'crown',
      description: 'Completed every mission of a month.',
      metric: 'months_all_missions_completed',
      threshold: 1,
      window: 'month',
    },
    {
      ...base,
      name: 'Customer Hero',
      icon: 'heart',
      description: 'Named in a first customer’s praise, approved by a manager.',
      metric: 'praise_approved',
      threshold: 1,
      window: 'all_time',
    },
    {
      ...base,
      name: 'On a Roll',
      icon: 'fire',
      description: 'Gave kudos 4 weeks in a row.',
      metric: 'weekly_giving_streak',
      threshold: 4,
      window: 'all_time',
    },
  ];
}
