import type { DisplayPairingStartDto, DisplayPairingStatusDto } from '@bravo/shared';

/**
 * Where a paired TV keeps its screen token: this origin's localStorage. Never
 * in the URL (shoppers see the address bar, and URLs end up in logs and
 * histories); not a cookie, because the socket and the state endpoint take the
 * token explicitly, and a cookie would ride along on every page of the origin.
 * Pages run under a CSP without inline scripts, which keeps other scripts away from it.
 */
const TOKEN_KEY = 'bravo.tv.token';
/** A pairing under way survives a reload: the same code stays on screen. */
const PAIRING_KEY = 'bravo.tv.pairing';

/** A waiting TV asks this often whether it was paired: paired screens show up within a second. */
export const PAIRING_POLL_MS = 500;
/** A stored code this close to its expiry is not shown again: nobody could type it in time. */
const MIN_CODE_LIFE_MS = 60_000;

type Phase = 'starting' | 'waiting' | 'paired' | 'unavailable';

/** The `/tv` page's pairing: a code to show until someone pairs it, then the screen token. */
export class TvPairing {
  phase = $state<Phase>('starting');
  code = $state<string | null>(null);
  token = $state<string | null>(null);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  /** Starts in the browser; returns the function that stops it (for `$effect`). */
  start(): () => void {
    this.stopped = false;
    const token = localStorage.getItem(TOKEN_KEY);
    if (token) {
      this.become(token);
    } else {
      void this.waitForPairing();
    }
    return () => {
      this.stopped = true;
      clearTimeout(this.timer);
    };
  }

  /** The stored screen was refused (revoked): forget it and show a new code. */
  forget(): void {
    localStorage.removeItem(TOKEN_KEY);
    this.token = null;
    this.phase = 'starting';
    void this.waitForPairing();
  }

  private become(token: string): void {
    this.token = token;
    this.phase = 'paired';
  }

  private async waitForPairing(): Promise<void> {
    const pairing = this.storedPairing() ?? (await this.newPairing());
    if (this.stopped) {
      return;
    }
    if (!pairing) {
      this.phase = 'unavailable';
      this.later(() => void this.waitForPairing(), 5000);
      return;
    }
    this.code = pairing.code;
    this.phase = 'waiting';
    this.poll(pairing);
  }

  private poll(pairing: DisplayPairingStartDto): void {
    this.later(async () => {
      const status = await this.status(pairing.secret);
      if (status === 'paired') {
        localStorage.setItem(TOKEN_KEY, pairing.secret);
        localStorage.removeItem(PAIRING_KEY);
        this.become(pairing.secret);
      } else if (status === 'expired') {
        localStorage.removeItem(PAIRING_KEY);
        void this.waitForPairing();
      } else {
        this.poll(pairing); // waiting, or the server is briefly away
      }
    }, PAIRING_POLL_MS);
  }

  private storedPairing(): DisplayPairingStartDto | null {
    try {
      const stored = JSON.parse(
        localStorage.getItem(PAIRING_KEY) ?? 'null',
      ) as DisplayPairingStartDto | null;
      return stored && Date.parse(stored.expiresAt) - Date.now() > MIN_CODE_LIFE_MS ? stored : null;
    } catch {
      return null;
    }
  }

  private async newPairing(): Promise<DisplayPairingStartDto | null> {
    try {
      const response = await fetch('/api/v1/display-pairings', {
        method: 'POST',
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (!response.ok) {
        return null;
      }
      const pairing = (await response.json()) as DisplayPairingStartDto;
      localStorage.setItem(PAIRING_KEY, JSON.stringify(pairing));
      return pairing;
    } catch {
      return null;
    }
  }

  private async status(secret: string): Promise<DisplayPairingStatusDto['status'] | null> {
    try {
      const response = await fetch('/api/v1/display-pairings/current', {
        headers: { accept: 'application/json', authorization: `Pairing ${secret}` },
        cache: 'no-store',
      });
      return response.ok ? ((await response.json()) as DisplayPairingStatusDto).status : null;
    } catch {
      return null;
    }
  }

  private later(work: () => unknown, ms: number): void {
    clearTimeout(this.timer);
    if (!this.stopped) {
      this.timer = setTimeout(work, ms);
    }
  }
}
