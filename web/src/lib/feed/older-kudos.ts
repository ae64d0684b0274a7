import { LIMITS, feedItemId, type FeedItemDto, type FeedPageDto } from '@bravo/shared';

/**
 * `count` feed items (kudos and badge cards) older than `cursor` (newest first), over as
 * many pages of the same-origin `/data/feed` endpoint as that takes.
 */
export async function fetchOlderKudos(
  cursor: string,
  count: number,
  valueId: string | null,
): Promise<FeedPageDto> {
  const found: FeedItemDto[] = [];
  let next: string | null = cursor;
  while (next && found.length < count) {
    const params = new URLSearchParams({
      cursor: next,
      limit: String(Math.min(count - found.length, LIMITS.feedPageMax)),
    });
    if (valueId) {
      params.set('valueId', valueId);
    }
    const response = await fetch(`/data/feed?${params}`, {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error(`GET /data/feed: ${response.status}`);
    }
    const page = (await response.json()) as FeedPageDto;
    found.push(...page.items);
    next = page.nextCursor;
  }
  return { items: found, nextCursor: next };
}

/** The list without repeats (an item can shift between pages while more are appended). */
export function uniqueKudos(list: FeedItemDto[]): FeedItemDto[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const id = feedItemId(item);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** The ids of a list, for quick lookups. */
export const idsOf = (list: FeedItemDto[]): ReadonlySet<string> => new Set(list.map(feedItemId));
