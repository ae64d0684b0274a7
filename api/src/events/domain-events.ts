import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { KudosRecord } from '../kudos/kudos-record';

/** What happened, after commit. Subscribers (live, later badges) react; emitters never know them. */
export interface DomainEventMap {
  /** The kudos as given (a domain record: subscribers render what they send). */
  'kudos.created': { organizationId: string; kudos: KudosRecord };
  'kudos.removed': { organizationId: string; kudosId: string; memberIds: string[] };
  /** Points moved for these members (allowances and boards may have changed). */
  'points.changed': { organizationId: string; memberIds: string[] };
  /** A screen link was revoked: its sockets must go. */
  'display.revoked': { organizationId: string; displayId: string };
  /** Logins ended (logout, deactivation): the sockets they opened must go. */
  'session.revoked': { organizationId: string; sessionIds: string[] };
  /** What a member may see changed (role, managed teams, deactivation): their sockets must reconnect. */
  'member.access_changed': { organizationId: string; memberId: string };
}

export type DomainEventName = keyof DomainEventMap;

/** A small typed in-process bus. */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(50);

  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends DomainEventName>(
    name: K,
    handler: (payload: DomainEventMap[K]) => void,
  ): () => void {
    this.emitter.on(name, handler);
    return () => this.emitter.off(name, handler);
  }
}
