import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  feedItemId,
  type AllowanceDto,
  type BadgeFeedCardDto,
  type FeedItemDto,
  type FeedPageDto,
  type KudosDto,
  type PraiseCardDto,
} from '@bravo/shared';
import { LiveBus } from '$lib/live/live-bus';
import { FeedPage, type FeedData } from './feed-page.svelte';

const kudos = (id: string, valueId = 'v1') => ({ id, value: { id: valueId } }) as KudosDto;
const item = (id: string, valueId = 'v1'): FeedItemDto => ({
  kind: 'kudos',
  kudos: kudos(id, valueId),
});
const card = (id: string, valueId: string | null = null) =>
  ({ id, badge: { id: `b-${id}`, valueId }, count: 1, members: [] }) as unknown as BadgeFeedCardDto;
const story = (id: string, valueId: string | null = 'v1') =>
  ({ id, value: valueId ? { id: valueId } : null, members: [] }) as unknown as PraiseCardDto;
const ids = (list: FeedItemDto[]) => list.map(feedItemId);
const allowance = (remaining: number) => ({ remaining }) as unknown as AllowanceDto;

/** A feed page over data the spec can replace (as a reload would) and pushes it sends. */
function setup(initial: Partial<FeedData> = {}) {
  const bus = new LiveBus();
  let data = $state<FeedData>({
    feed: { items: [item('k2'), item('k1')], nextCursor: 'c1' },
    filter: null,
    cursor: null,
    allowance: allowance(100),
    ...initial,
  });
  const fetchOlder = vi.fn<(cursor: string, count: number) => Promise<FeedPageDto>>();
  const reload = vi.fn(() => Promise.resolve());
  let atTop = true;
  let feed!: FeedPage;
  const stop = $effect.root(() => {
    feed = new FeedPage(() => data, {
      live: bus,
      atTop: () => atTop,
      reload,
      fetchOlder: (cursor, count) => fetchOlder(cursor, count),
    });
  });
  flushSync();
  cleanups.push(stop);
  return {
    feed,
    fetchOlder,
    reload,
    push: (event: string, payload: unknown) => bus.receive(event, payload),
    setData: (next: Partial<FeedData>) => {
      data = { ...data, ...next };
      flushSync();
    },
    scrollDown: () => (atTop = false),
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((stop) => stop()));

describe('FeedPage', () => {
  it('puts kudos pushed to a reader at the top first, once', () => {
    const { feed, push } = setup();
    push('live.tick', { 'kudos.created': { items: [kudos('k3'), kudos('k2')] } });
    expect(ids(feed.items)).toEqual(['k3', 'k2', 'k1']);
    expect(feed.live.fresh.has('k3')).toBe(true);
  });

  it('holds pushes for a reader further down until they ask', async () => {
    const { feed, push, scrollDown, reload } = setup();
    scrollDown();
    push('live.tick', { 'kudos.created': { items: [kudos('k3')] } });
    expect(ids(feed.items)).toEqual(['k2', 'k1']);
    expect(feed.live.waiting).toBe(1);

    expect(await feed.showHeld()).toBe('k3');
    expect(ids(feed.items)).toEqual(['k3', 'k2', 'k1']);
    expect(reload).not.toHaveBeenCalled();
  });

  it('reads the page again when a burst announced kudos by id only', async () => {
    const { feed, push, reload } = setup();
    push('live.tick', { 'kudos.created': { items: [kudos('k9')], more: ['k8'] } });
    expect(feed.live.waiting).toBe(1);
    await feed.showHeld();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(feed.live.waiting).toBe(0);
  });

  it('appends the pages after the newest one when a burst is larger than a page', async () => {
    const { feed, push, reload, fetchOlder, setData } = setup();
    push('live.tick', { 'kudos.created': { items: [kudos('k9')], more: ['k8', 'k7', 'k6'] } });
    // The reload reads a newest page that the burst overflows: k7 and k6 are on the next ones.
    reload.mockImplementationOnce(() => {
      setData({ feed: { items: [item('k9'), item('k8')], nextCursor: 'c8' } });
      return Promise.resolve();
    });
    fetchOlder
      .mockResolvedValueOnce({ items: [item('k7')], nextCursor: 'c7' })
      .mockResolvedValueOnce({ items: [item('k6'), item('k5')], nextCursor: 'c5' });
    await feed.showHeld();
    expect(ids(feed.items)).toEqual(['k9', 'k8', 'k7', 'k6', 'k5']);
    expect(fetchOlder).toHaveBeenCalledTimes(2);
    expect(feed.live.waiting).toBe(0);
  });

  it('takes pushes only on the newest page and only of the filtered value', () => {
    const filtered = setup({ filter: { id: 'v2' } });
    filtered.push('live.tick', {
      'kudos.created': { items: [kudos('a', 'v1'), kudos('b', 'v2')] },
    });
    expect(ids(filtered.feed.items)).toEqual(['b', 'k2', 'k1']);

    const older = setup({ cursor: 'c0' });
    older.push('live.tick', { 'kudos.created': { items: [kudos('c')] } });
    expect(ids(older.feed.items)).toEqual(['k2', 'k1']);
  });

  it('puts badge cards pushed live among the kudos, once, and only those of the filtered value', () => {
    const { feed, push, setData } = setup();
    push('live.tick', { 'badges.awarded': [card('b1')] });
    push('live.tick', {
      'kudos.created': { items: [kudos('k3')] },
      'badges.awarded': [card('b1')],
    });
    expect(ids(feed.items)).toEqual(['k3', 'b1', 'k2', 'k1']);
    expect(feed.live.fresh.has('b1')).toBe(true);
    // The page read again has the card itself: it is not shown twice.
    setData({
      feed: {
        items: [item('k3'), { kind: 'badge', award: card('b1') }, item('k2')],
        nextCursor: 'c2',
      },
    });
    expect(ids(feed.items)).toEqual(['k3', 'b1', 'k2']);

    const filtered = setup({ filter: { id: 'v2' } });
    filtered.push('live.tick', { 'badges.awarded': [card('any'), card('v2-card', 'v2')] });
    expect(ids(filtered.feed.items)).toEqual(['v2-card', 'k2', 'k1']);
  });

  it('puts customer praise approved live at the top, once, and only of the filtered value', () => {
    const { feed, push, setData, scrollDown } = setup();
    push('live.tick', { 'praise.approved': [story('p1')] });
    push('live.tick', {
      'kudos.created': { items: [kudos('k3')] },
      'praise.approved': [story('p1')],
    });
    expect(ids(feed.items)).toEqual(['k3', 'p1', 'k2', 'k1']);
    expect(feed.live.fresh.has('p1')).toBe(true);
    setData({
      feed: { items: [{ kind: 'praise', praise: story('p1') }, item('k2')], nextCursor: 'c2' },
    });
    expect(ids(feed.items)).toEqual(['k3', 'p1', 'k2']);
    // A reader further down is offered it with the pill.
    scrollDown();
    push('live.tick', { 'praise.approved': [story('p2')] });
    expect(feed.live.waiting).toBe(1);

    const filtered = setup({ filter: { id: 'v2' } });
    filtered.push('live.tick', {
      'praise.approved': [story('v1-story'), story('no-value', null), story('v2-story', 'v2')],
    });
    expect(ids(filtered.feed.items)).toEqual(['v2-story', 'k2', 'k1']);

    const older = setup({ cursor: 'c0' });
    older.push('live.tick', { 'praise.approved': [story('p3')] });
    expect(ids(older.feed.items)).toEqual(['k2', 'k1']);
  });

  it('hides removed kudos, loaded or pushed', () => {
    const { feed, push } = setup();
    push('live.tick', { 'kudos.created': { items: [kudos('k3')] } });
    push('live.tick', { 'kudos.removed': { ids: ['k3', 'k1'] } });
    expect(ids(feed.items)).toEqual(['k2']);
  });

  it('shows a pushed allowance until the page data is read again', () => {
    const { feed, push, setData } = setup();
    push('allowance.updated', allowance(90));
    expect(feed.allowance).toEqual(allowance(90));
    setData({ allowance: allowance(80) });
    expect(feed.allowance).toEqual(allowance(80));
  });

  it('appends older pages and resolves with the first new kudos', async () => {
    const { feed, fetchOlder } = setup();
    fetchOlder.mockResolvedValueOnce({ items: [item('k0')], nextCursor: null });
    const first = await feed.loadMore();
    expect(first && feedItemId(first)).toBe('k0');
    expect(fetchOlder).toHaveBeenCalledWith('c1', expect.any(Number));
    expect(ids(feed.items)).toEqual(['k2', 'k1', 'k0']);
    expect(feed.nextCursor).toBeNull();
  });

  it('says so when an older page could not be read', async () => {
    const { feed, fetchOlder } = setup();
    fetchOlder.mockRejectedValueOnce(new Error('offline'));
    expect(await feed.loadMore()).toBeNull();
    expect(feed.loadFailed).toBe(true);
    expect(feed.loadingMore).toBe(false);
  });

  it('after a reload of the same view reads the appended kudos again', async () => {
    const { feed, fetchOlder, setData } = setup();
    fetchOlder.mockResolvedValueOnce({ items: [item('k0')], nextCursor: 'c0' });
    await feed.loadMore();
    fetchOlder.mockResolvedValueOnce({ items: [item('k1')], nextCursor: 'c00' });

    setData({ feed: { items: [item('k3'), item('k2')], nextCursor: 'c2' } });

    expect(fetchOlder).toHaveBeenLastCalledWith('c2', 1);
    await vi.waitFor(() => expect(ids(feed.items)).toEqual(['k3', 'k2', 'k1']));
    expect(feed.nextCursor).toBe('c00');
  });

  it('drops what was appended or pushed for another view', async () => {
    const { feed, fetchOlder, push, setData, scrollDown } = setup();
    fetchOlder.mockResolvedValueOnce({ items: [item('k0')], nextCursor: null });
    await feed.loadMore();
    scrollDown();
    push('live.tick', { 'kudos.created': { items: [kudos('k3')] } });

    setData({ filter: { id: 'v1' }, feed: { items: [item('k1')], nextCursor: null } });

    expect(ids(feed.items)).toEqual(['k1']);
    expect(feed.live.waiting).toBe(0);
    expect(fetchOlder).toHaveBeenCalledTimes(1);
  });

  it('stops listening when its component goes', () => {
    const { feed, push } = setup();
    cleanups.splice(0).forEach((stop) => stop());
    push('live.tick', { 'kudos.created': { items: [kudos('k3')] } });
    expect(ids(feed.items)).toEqual(['k2', 'k1']);
  });
});
