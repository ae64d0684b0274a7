import { tick, untrack } from 'svelte';
import {
  LIMITS,
  feedItemId,
  type AllowanceDto,
  type FeedItemDto,
  type FeedPageDto,
  type KudosDto,
  type LiveMessage,
  type LiveMessages,
} from '@bravo/shared';
import { LiveFeed } from './live-feed.svelte';
import { fetchOlderKudos, idsOf, uniqueKudos } from './older-kudos';

/** What the feed page's load gives it. */
export interface FeedData {
  feed: FeedPageDto;
  filter: { id: string } | null;
  cursor: string | null;
  allowance: AllowanceDto;
}

export interface FeedPageOptions {
  live: {
    on<M extends LiveMessage>(message: M, listener: (payload: LiveMessages[M]) => void): () => void;
  };
  /** Whether the top of the feed is in sight: inserting there moves nothing the reader is reading. */
  atTop: () => boolean;
  /** Reads the page's data again (`invalidateAll`). */
  reload: () => Promise<void>;
  fetchOlder?: typeof fetchOlderKudos;
  /** How often relative times and the withdraw window move on. */
  clockMs?: number;
}

const viewOf = (data: FeedData) => `${data.filter?.id}|${data.cursor}`;
/** Pages appended at most to show a burst the pill announced (a page is LIMITS.feedPageDefault). */
const BURST_PAGES_MAX = Math.ceil(LIMITS.feedPageMax / LIMITS.feedPageDefault);

/**
 * The feed page's state: the loaded page, older pages appended in place ("Load
 * more"), kudos, badge and praise cards pushed while it is open, and the allowance. Construct it while a
 * component initialises: it subscribes to live pushes and follows reloads of the
 * page's data.
 */
export class FeedPage {
  /** One clock for relative times and the withdraw window. */
  now = $state(Date.now());
  readonly live = new LiveFeed();
  /** Older pages appended with JavaScript. */
  extra = $state<FeedItemDto[]>([]);
  loadingMore = $state(false);
  loadFailed = $state(false);

  readonly nextCursor: string | null;
  /** What the page shows: pushed items the loaded page does not have yet, then the loaded ones. */
  readonly items: FeedItemDto[];
  /** A pushed allowance stands until the page's data is read again (after an action). */
  allowance: AllowanceDto;

  private extraCursor = $state<string | null>(null);
  private readonly loadedIds: ReadonlySet<string>;
  /** Bumped by every fetch of older kudos, so that only the latest answer is applied. */
  private generation = 0;
  private view: string;
  private seenFeed: FeedPageDto;
  private readonly fetchOlder: typeof fetchOlderKudos;

  constructor(
    private readonly data: () => FeedData,
    private readonly options: FeedPageOptions,
  ) {
    this.fetchOlder = options.fetchOlder ?? fetchOlderKudos;
    this.view = untrack(() => viewOf(data()));
    this.seenFeed = untrack(() => data().feed);

    this.nextCursor = $derived(this.extra.length > 0 ? this.extraCursor : data().feed.nextCursor);
    const loaded = $derived(
      uniqueKudos([...data().feed.items, ...this.extra]).filter(
        (item) => item.kind !== 'kudos' || !this.live.removed.has(item.kudos.id),
      ),
    );
    this.loadedIds = $derived(idsOf(loaded));
    // A pushed copy only until the page's own answer (written for this reader) has the kudos.
    this.items = $derived([
      ...this.live.shown.filter((item) => !this.loadedIds.has(feedItemId(item))),
      ...loaded,
    ]);
    this.allowance = $derived(data().allowance);

    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), options.clockMs ?? 15_000);
      return () => clearInterval(timer);
    });
    $effect(() => {
      const offs = [
        options.live.on('kudos.created', ({ items, more }) => this.pushed(items, more)),
        options.live.on('badges.awarded', (cards) =>
          this.pushedCards(
            cards.map((award) => ({
              item: { kind: 'badge', award },
              valueId: award.badge.valueId,
            })),
          ),
        ),
        options.live.on('praise.approved', (cards) =>
          this.pushedCards(
            cards.map((praise) => ({
              item: { kind: 'praise', praise },
              valueId: praise.value?.id ?? null,
            })),
          ),
        ),
        options.live.on('kudos.removed', ({ ids }) => this.live.remove(ids)),
        options.live.on('allowance.updated', (value) => (this.allowance = value)),
      ];
      return () => offs.forEach((off) => off());
    });
    $effect(() => {
      const current = data();
      const feed = current.feed;
      const view = viewOf(current);
      untrack(() => this.follow(feed, view));
    });
  }

  /** Appends the next older page; resolves with the first new item (to move the focus to). */
  async loadMore(): Promise<FeedItemDto | null> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore) {
      return null;
    }
    this.loadingMore = true;
    this.loadFailed = false;
    this.generation++; // an older refresh of the appended pages must not drop this one
    try {
      const older = await this.fetchOlder(
        cursor,
        LIMITS.feedPageDefault,
        this.data().filter?.id ?? null,
      );
      this.extra = [...this.extra, ...older.items];
      this.extraCursor = older.nextCursor;
      return older.items[0] ?? null;
    } catch {
      this.loadFailed = true;
      return null;
    } finally {
      this.loadingMore = false;
    }
  }

  /** Shows what the pill held; resolves with the id of the newest one. */
  async showHeld(): Promise<string | null> {
    if (this.live.missed.size > 0) {
      // Some came by id only (a burst): the newest page, read again, has them in full, and
      // the pages after it the rest of a burst larger than a page.
      const missed = [...this.live.missed];
      await this.options.reload();
      await tick();
      for (let page = 0; page < BURST_PAGES_MAX; page++) {
        if (missed.every((id) => this.loadedIds.has(id)) || !(await this.loadMore())) {
          break;
        }
      }
      this.live.missed.clear();
    }
    return this.live.reveal();
  }

  private pushed(items: KudosDto[], more: string[] | undefined): void {
    const { cursor, filter } = this.data();
    // Only the newest page takes fresh kudos, and only those its value filter shows.
    if (cursor) {
      return;
    }
    const fitting = items
      .filter((kudos) => !filter || kudos.value.id === filter.id)
      .map((kudos): FeedItemDto => ({ kind: 'kudos', kudos }));
    this.live.receive(fitting, this.options.atTop(), (id) => this.loadedIds.has(id), more);
  }

  /**
   * Cards pushed live — badges earned (one card per badge and run), customers' praise
   * approved — as the page would list them: on the newest page, of the filtered value only.
   */
  private pushedCards(cards: { item: FeedItemDto; valueId: string | null }[]): void {
    const { cursor, filter } = this.data();
    if (cursor) {
      return;
    }
    const fitting = cards.filter((card) => !filter || card.valueId === filter.id);
    this.live.receive(
      fitting.map((card) => card.item),
      this.options.atTop(),
      (id) => this.loadedIds.has(id),
    );
  }

  /**
   * The page's data was read again. Another view drops what was pushed or appended
   * for the old one; the same view reloads what was appended too, so that nothing is
   * skipped or shown twice and the appended cards are as fresh as the rest.
   */
  private follow(feed: FeedPageDto, view: string): void {
    const sameView = view === this.view;
    this.view = view;
    if (sameView) {
      this.live.prune(idsOf(feed.items));
    } else {
      this.live.clear();
    }
    if (feed === this.seenFeed) {
      return;
    }
    this.seenFeed = feed;
    const count = this.extra.length;
    const current = ++this.generation;
    if (!sameView || count === 0 || !feed.nextCursor) {
      this.extra = [];
      this.extraCursor = null;
      return;
    }
    this.fetchOlder(feed.nextCursor, count, this.data().filter?.id ?? null).then(
      (older) => {
        if (current === this.generation) {
          this.extra = older.items;
          this.extraCursor = older.nextCursor;
        }
      },
      () => {
        // Keep what is shown; the next action or a reload catches up.
      },
    );
  }
}
