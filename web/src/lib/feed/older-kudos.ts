import { LIMITS, type KudosDto, type KudosPage } from '@bravo/shared';

/**
 * `count` kudos older than `cursor` (newest first), over as many pages of the
 * same-origin `/data/feed` endpoint as that takes.
 */
export async function fetchOlderKudos(
  cursor: string,
  count: number,
  valueId: string | null,
): Promise<KudosPage> {
  const found: KudosDto[] = [];
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
    const page = (await response.json()) as KudosPage;
    found.push(...page.items);
    next = page.nextCursor;
  }
  return { items: found, nextCursor: next };
}

/** The list without repeats (a kudos can shift between pages while more are appended). */
export function uniqueKudos(list: KudosDto[]): KudosDto[] {
  return list.filter((kudos, index) => list.findIndex((other) => other.id === kudos.id) === index);
}

/** The ids of a list, for quick lookups. */
export const idsOf = (list: KudosDto[]): ReadonlySet<string> => new Set(list.map((k) => k.id));
