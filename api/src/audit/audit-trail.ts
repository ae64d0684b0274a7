import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

const NOTES = Symbol('auditNotes');

/** What a service tells the audit entry of the current action (see `AuditInterceptor`). */
export interface AuditNotes {
  before?: unknown;
  after?: unknown;
  targetId?: string;
  /** The action changed nothing (a repeat answered from its Idempotency-Key): no entry. */
  unchanged?: boolean;
}

/**
 * Services note the state a change started from (`before`) and, when the route's
 * result is not the changed thing, what it became (`after`). Outside an audited
 * route (a CLI, a test calling the service) the notes go nowhere.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly cls: ClsService) {}

  /** Called by the interceptor inside the action's transaction context. */
  open(): AuditNotes {
    const notes: AuditNotes = {};
    this.cls.set(NOTES, notes);
    return notes;
  }

  before(value: unknown): void {
    const notes = this.notes();
    // The first note wins: an action that touches its target twice started from the first state.
    if (notes && !('before' in notes)) {
      notes.before = value;
    }
  }

  after(value: unknown): void {
    const notes = this.notes();
    if (notes) {
      notes.after = value;
    }
  }

  target(id: string): void {
    const notes = this.notes();
    if (notes) {
      notes.targetId = id;
    }
  }

  /** Nothing was done: the request repeated one already done, whose entry is there. */
  unchanged(): void {
    const notes = this.notes();
    if (notes) {
      notes.unchanged = true;
    }
  }

  private notes(): AuditNotes | undefined {
    return this.cls.isActive() ? this.cls.get<AuditNotes | undefined>(NOTES) : undefined;
  }
}
