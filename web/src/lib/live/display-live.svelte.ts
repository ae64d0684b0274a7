import type {
  CelebrationPayload,
  DisplaySettingsDto,
  DisplayStateDto,
  LeaderboardUpdatedPayload,
  ScreenKudosDto,
  ScreenPraiseDto,
} from '@bravo/shared';
import { isNewer, newLeader } from './boards';
import { LiveConnection } from './live-connection.svelte';
import { StaleWatch } from './stale-watch.svelte';

/** What the TV celebrates: a new leader (seen in the boards), or what the server sends. */
export type Celebration = { kind: 'lead'; name: string } | CelebrationPayload;

export interface DisplayHooks {
  /** Kudos that just arrived, newest first. */
  onKudos?: (items: ScreenKudosDto[]) => void;
  onCelebrate?: (celebration: Celebration) => void;
}

const HEALTH_POLL_MS = 5000;
const KEEP_KUDOS = 20;
const KEEP_PRAISE = 10;
/** After this many failed attempts in a row the socket is thrown away and made anew. */
const FAILURES_BEFORE_NEW_SOCKET = 5;

/**
 * A TV screen's live state. Nobody touches a TV, so it heals itself: it
 * reconnects forever, keeps showing the last picture while offline, resyncs
 * over HTTP when pushes may have been missed, reloads itself after a
 * deployment, and only a refused link (revoked or wrong) ends it.
 */
export class DisplayLive {
  state = $state.raw<DisplayStateDto | null>(null);
  /** A connection was lost or could not be made, and it is being retried. */
  reconnecting = $state(false);
  notConnected = $state(false);
  /** After a minute without a connection: since when nothing came in (for the calm band). */
  readonly stale = new StaleWatch();

  private readonly connection: LiveConnection;
  private build: string | null;
  private reloading = false;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  /** Kudos pushed while a refresh was under way: its answer may be older than they are. */
  private pushedDuringRefresh: ScreenKudosDto[] = [];
  private healthTimer: ReturnType<typeof setInterval> | undefined;
  private wakeLock: WakeLockSentinel | null = null;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') {
      void this.keepAwake();
      void this.checkHealth();
    }
  };
  private readonly onOnline = () => void this.checkHealth();

  constructor(
    private readonly token: string,
    initial: DisplayStateDto | null,
    refused: boolean,
    private readonly hooks: DisplayHooks = {},
  ) {
    this.state = initial;
    this.build = initial?.build ?? null;
    this.notConnected = refused;
    this.reconnecting = !refused && initial === null;
    if (this.reconnecting) {
      this.stale.lost();
    }
    this.connection = new LiveConnection({
      auth: { displayToken: token },
      backoff: { minMs: 1000, maxMs: 10_000 },
      renewAfterFailures: FAILURES_BEFORE_NEW_SOCKET,
      onConnect: ({ recovered }) => {
        this.reconnecting = false;
        this.stale.back();
        // Anything missed while away (or since the page was rendered) comes in one snapshot.
        if (!recovered) {
          void this.refresh();
        }
      },
      onOffline: () => {
        this.reconnecting = true;
        this.stale.lost();
      },
      // Revoked, or the server is shutting down: the API tells which.
      onServerClose: () => void this.refresh(),
      // Believe a refusal only when the API confirms it: a 401 ends the screen.
      onRefused: () => {
        void this.refresh();
        return 'retry';
      },
    });
    this.connection.on('kudos.created', ({ items }) => this.addKudos(items));
    this.connection.on('kudos.removed', ({ ids }) => this.removeKudos(ids));
    this.connection.on('leaderboard.updated', (payload) => this.applyBoards(payload));
    this.connection.on('display.updated', (settings) => this.applySettings(settings));
    this.connection.on('missions.updated', ({ missions }) => {
      if (this.state) {
        this.state = { ...this.state, missions };
      }
    });
    this.connection.on('praise.approved', (cards) => this.addPraise(cards));
    this.connection.on('celebrations', (list) =>
      list.forEach((celebration) => this.hooks.onCelebrate?.(celebration)),
    );
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  /** Starts in the browser; returns the function that stops everything (for `$effect`). */
  start(): () => void {
    if (this.notConnected) {
      return () => undefined;
    }
    this.connection.start();
    // A screen that starts without a picture (just paired) reads it at once, not after the socket.
    if (!this.state) {
      void this.refresh();
    }
    this.healthTimer = setInterval(() => void this.checkHealth(), HEALTH_POLL_MS);
    document.addEventListener('visibilitychange', this.onVisible);
    window.addEventListener('online', this.onOnline);
    void this.keepAwake();
    return () => this.stop();
  }

  private stop(): void {
    this.connection.stop();
    this.stale.stop();
    clearInterval(this.healthTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
    window.removeEventListener('online', this.onOnline);
    void this.wakeLock?.release().catch(() => undefined);
    this.wakeLock = null;
  }

  /** Reads the whole picture again over HTTP; a refused link ends the screen. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.pushedDuringRefresh = [];
    this.refreshing = this.fetchState().finally(() => {
      this.refreshing = null;
      this.pushedDuringRefresh = [];
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  private async fetchState(): Promise<void> {
    let response: Response;
    try {
      response = await fetch('/api/v1/display/state', {
        headers: { accept: 'application/json', authorization: `Display ${this.token}` },
        cache: 'no-store',
      });
    } catch {
      return; // offline: the next connect or health check tries again
    }
    if (response.status === 401 || response.status === 403) {
      this.notConnected = true;
      this.stop();
      return;
    }
    if (!response.ok) {
      return;
    }
    const fresh = (await response.json()) as DisplayStateDto;
    if (this.newBuild(fresh.build)) {
      return;
    }
    const current = this.state;
    // Pushes applied while the request was under way are newer than its answer.
    const pushed = this.pushedDuringRefresh.filter(
      (kudos) => !fresh.kudos.some((known) => known.id === kudos.id),
    );
    const boards =
      current && isNewer(current.members, fresh.members)
        ? { members: current.members, teams: current.teams }
        : {};
    this.state = { ...fresh, ...boards, kudos: [...pushed, ...fresh.kudos].slice(0, KEEP_KUDOS) };
  }

  private async checkHealth(): Promise<void> {
    if (this.connected || this.notConnected) {
      return;
    }
    let build: unknown;
    try {
      const response = await fetch('/api/health', { cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      build = ((await response.json()) as { build?: unknown }).build;
    } catch {
      return; // still down
    }
    if (typeof build === 'string' && this.newBuild(build)) {
      return;
    }
    // The server is back: connect now instead of waiting out socket.io's backoff.
    this.connection.reconnectNow();
    if (!this.state) {
      void this.refresh();
    }
  }

  /** True (and reloading) when the server runs another deployment than the one that served this page. */
  private newBuild(build: string): boolean {
    if (this.build === null) {
      this.build = build;
      return false;
    }
    if (build === this.build) {
      return false;
    }
    if (!this.reloading) {
      this.reloading = true;
      // Spread out, so a chain's screens do not all reload in the same second.
      setTimeout(() => location.reload(), Math.random() * 3000);
    }
    return true;
  }

  private addKudos(items: ScreenKudosDto[]): void {
    const current = this.state;
    if (!current) {
      return;
    }
    const fresh = items.filter((kudos) => !current.kudos.some((shown) => shown.id === kudos.id));
    if (fresh.length === 0) {
      return;
    }
    this.state = { ...current, kudos: [...fresh, ...current.kudos].slice(0, KEEP_KUDOS) };
    if (this.refreshing) {
      this.pushedDuringRefresh = [...fresh, ...this.pushedDuringRefresh];
    }
    this.hooks.onKudos?.(fresh);
  }

  /** Fresh approved praise joins "What our customers say" (its newsflash comes as a celebration). */
  private addPraise(cards: ScreenPraiseDto[]): void {
    const current = this.state;
    if (!current) {
      return;
    }
    const fresh = cards.filter((card) => !current.praise.some((shown) => shown.id === card.id));
    if (fresh.length > 0) {
      this.state = { ...current, praise: [...fresh, ...current.praise].slice(0, KEEP_PRAISE) };
    }
  }

  private removeKudos(ids: string[]): void {
    this.pushedDuringRefresh = this.pushedDuringRefresh.filter((k) => !ids.includes(k.id));
    if (this.state) {
      this.state = {
        ...this.state,
        kudos: this.state.kudos.filter((kudos) => !ids.includes(kudos.id)),
      };
    }
  }

  private applyBoards(payload: LeaderboardUpdatedPayload): void {
    const current = this.state;
    if (!current || !isNewer(payload, current.members)) {
      return;
    }
    const version = payload.version;
    this.state = {
      ...current,
      members: { ...payload.members, version },
      teams: { ...payload.teams, version },
    };
    const leader = newLeader(current.members.entries, payload.members.entries);
    if (leader) {
      this.hooks.onCelebrate?.({ kind: 'lead', name: leader });
    }
  }

  /** New settings from Admin → Screens: shown at once, then the whole picture read for them (a larger top N). */
  private applySettings(settings: DisplaySettingsDto): void {
    const current = this.state;
    if (!current || settings.id !== current.display.id) {
      return;
    }
    this.state = { ...current, display: { ...current.display, ...settings } };
    void this.refresh();
  }

  private async keepAwake(): Promise<void> {
    if (this.wakeLock && !this.wakeLock.released) {
      return;
    }
    try {
      this.wakeLock = (await navigator.wakeLock?.request('screen')) ?? null;
    } catch {
      // Not supported or not allowed: the kiosk's own settings keep the screen on.
    }
  }
}
