import type { BadgeIcon } from './badge-types.js';
import type { KudosDto, MemberSummary } from './kudos-types.js';
import type { PraiseCardDto } from './praise-types.js';

/** A badge card names its earners up to this many; more, and it says how many. */
export const FEED_BADGE_NAMES_MAX = 3;

/**
 * One badge's awards made in one run (one evaluation after a kudos, or one retroactive
 * award to everyone who already qualified): one card, however many earned it.
 */
export interface BadgeFeedCardDto {
  /** `<badgeId>.<awardedAt in ms>`: the same for the page and for a live push. */
  id: string;
  badge: {
    id: string;
    name: string;
    /** A key of BADGE_ICONS. */
    icon: BadgeIcon;
    /** An uploaded image the badge wears instead of the icon. */
    imageId: string | null;
    description: string;
    /** The brand value the badge's rule counts, if any (the feed's value filter shows it). */
    valueId: string | null;
  };
  /** How many (of the feed's audience) earned it in this run. */
  count: number;
  /** Who, by name, when FEED_BADGE_NAMES_MAX or fewer did; otherwise empty. */
  members: MemberSummary[];
  awardedAt: string;
}

/** A card of the home feed: a kudos, a badge earned, or a customer's approved praise. */
export type FeedItemDto =
  | { kind: 'kudos'; kudos: KudosDto }
  | { kind: 'badge'; award: BadgeFeedCardDto }
  | { kind: 'praise'; praise: PraiseCardDto };

/** Kudos and badge cards, newest first; `nextCursor` continues both. */
export interface FeedPageDto {
  items: FeedItemDto[];
  nextCursor: string | null;
}

/** The card id of one badge's awards made at one instant. */
export function badgeCardId(badgeId: string, awardedAt: Date | string): string {
  return `${badgeId}.${new Date(awardedAt).getTime()}`;
}

/** A feed item's key: kudos and badge card ids never collide. */
export function feedItemId(item: FeedItemDto): string {
  return item.kind === 'kudos'
    ? item.kudos.id
    : item.kind === 'badge'
      ? item.award.id
      : item.praise.id;
}

/** When a feed item happened (its place in the feed). */
export function feedItemAt(item: FeedItemDto): string {
  return item.kind === 'kudos'
    ? item.kudos.createdAt
    : item.kind === 'badge'
      ? item.award.awardedAt
      : item.praise.approvedAt;
}
