import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DisplaysService, PRESENCE_HEARTBEAT_MS } from '../displays/displays.service';

/**
 * Which screens have sockets on this instance, told to the database: at
 * connect (with address and browser), on a heartbeat while connected, and when
 * the last one closes. Presence is a timestamp renewed by the heartbeat, so a
 * crashed instance's screens turn "offline" by themselves; several instances
 * each renew their own.
 */
@Injectable()
export class DisplayPresence implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DisplayPresence.name);
  /** Screen id → sockets of it on this instance. */
  private readonly sockets = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly displays: DisplaysService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.beat(), PRESENCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  connected(displayId: string, address: string, userAgent: string): void {
    this.sockets.set(displayId, (this.sockets.get(displayId) ?? 0) + 1);
    this.record(this.displays.connected(displayId, { address, userAgent }));
  }

  disconnected(displayId: string): void {
    const left = (this.sockets.get(displayId) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(displayId, left);
      return;
    }
    this.sockets.delete(displayId);
    this.record(this.displays.disconnected(displayId));
  }

  private beat(): void {
    this.record(this.displays.stillConnected([...this.sockets.keys()]));
  }

  /** Presence is a courtesy to admins: a failed write is logged, never a failed connection. */
  private record(write: Promise<void>): void {
    write.catch((error: unknown) => this.logger.warn(`presence not recorded: ${String(error)}`));
  }
}
