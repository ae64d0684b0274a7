import { feedItemId, type FeedItemDto } from '@bravo/shared';
import { SvelteSet } from 'svelte/reactivity';

/**
 * Kudos and badge cards pushed while the feed is open. The reader at the top sees them
 * inserted at once; a reader further down gets a "3 new kudos" pill instead,
 * so nothing moves under their eyes.
 */
export class LiveFeed {
  /** Inserted above the loaded page, newest first. */
  shown = $state<FeedItemDto[]>([]);
  /** Arrived while the reader was scrolled down, newest first. */
  held = $state<FeedItemDto[]>([]);
  /** Just arrived: highlighted as they appear. */
  readonly fresh = new SvelteSet<string>();
  /** Withdrawn or hidden since the page loaded. */
  readonly removed = new SvelteSet<string>();
  /** Announced by id only (a burst sends the newest in full): shown by reloading the page. */
  readonly missed = new SvelteSet<string>();

  /** What the pill offers: held kudos and those announced by id. */
  get waiting(): number {
    return this.held.length + this.missed.size;
  }

  /**
   * `known` tells which ids the page already shows (the giver's own kudos, a repeat);
   * `more` are ids of further kudos announced without their details.
   */
  receive(
    items: FeedItemDto[],
    atTop: boolean,
    known: (id: string) => boolean,
    more: string[] = [],
  ): void {
    const seen = [...this.shown, ...this.held].map(feedItemId);
    const isNew = (id: string) => !seen.includes(id) && !known(id) && !this.removed.has(id);
    more.filter(isNew).forEach((id) => this.missed.add(id));
    const incoming = items.filter((item) => isNew(feedItemId(item)));
    if (incoming.length === 0) {
      return;
    }
    if (atTop && this.held.length === 0) {
      incoming.forEach((item) => this.fresh.add(feedItemId(item)));
      this.shown = [...incoming, ...this.shown];
    } else {
      this.held = [...incoming, ...this.held];
    }
  }

  /**
   * Shows what the pill held; returns the id of the newest one. The caller reloads
   * the page first when some were announced by id only (`missed`).
   */
  reveal(): string | null {
    const first = this.held[0] ? feedItemId(this.held[0]) : null;
    this.held.forEach((item) => this.fresh.add(feedItemId(item)));
    this.shown = [...this.held, ...this.shown];
    this.held = [];
    return first;
  }

  remove(ids: string[]): void {
    ids.forEach((id) => this.removed.add(id));
    const gone = (item: FeedItemDto) => ids.includes(feedItemId(item));
    this.shown = this.shown.filter((kudos) => !gone(kudos));
    this.held = this.held.filter((kudos) => !gone(kudos));
  }

  /** Another view of the feed (filter, page): what was pushed for the old one goes. */
  clear(): void {
    this.shown = [];
    this.held = [];
    this.fresh.clear();
    this.missed.clear();
  }

  /** Forgets what the freshly loaded page now has itself. */
  prune(loaded: ReadonlySet<string>): void {
    this.shown = this.shown.filter((item) => !loaded.has(feedItemId(item)));
    this.held = this.held.filter((item) => !loaded.has(feedItemId(item)));
    for (const id of this.fresh) {
      if (loaded.has(id)) {
        this.fresh.delete(id);
      }
    }
    for (const id of this.missed) {
      if (loaded.has(id)) {
        this.missed.delete(id);
      }
    }
  }
}
