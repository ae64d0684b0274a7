import type { NotificationPayload } from '@bravo/shared';

export type Notice = NotificationPayload & { id: number };

const SHOWN_MS = 8000;
const MAX_SHOWN = 3;

/** Live notifications for the signed-in member ("Sam sent you a kudos: +10"), shown by the Toaster. */
class Notices {
  items = $state<Notice[]>([]);
  private nextId = 1;

  push(payload: NotificationPayload): void {
    const id = this.nextId++;
    this.items = [...this.items, { ...payload, id }].slice(-MAX_SHOWN);
    setTimeout(() => this.dismiss(id), SHOWN_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}

export const notices = new Notices();
