import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { BadgeIcon, DisplaySettingsDto, Role } from '@bravo/shared';
import { Transactions } from '../database/transactions';
import type { KudosRecord } from '../kudos/kudos-record';

/**
 * What happened, after commit. Subscribers (live, badges) react; emitters never know them.
 * Exception: the facts of `DomainCommandMap`.
 */
export interface DomainEventMap {
  /** The kudos as given (a domain record: subscribers render what they send). */
  'kudos.created': { organizationId: string; kudos: KudosRecord };
  'kudos.removed': { organizationId: string; kudosId: string; memberIds: string[] };
  /** Points moved for these members (allowances and boards may have changed). */
  'points.changed': { organizationId: string; memberIds: string[] };
  /** A member completed a mission (evidence approved, self-declared, or a quiz passed). */
  'mission.completed': {
    organizationId: string;
    missionId: string;
    memberId: string;
    /** The member's team when they completed it (its screens' missions panel moves). */
    teamId: string | null;
    submissionId: string;
    points: number;
  };
  /** A team's completions of a mission with a target moved (a tracked mission's: its metric total). */
  'mission.progressed': {
    organizationId: string;
    missionId: string;
    teamId: string;
    completions: number;
    target: number;
  };
  /** A team reached a mission's target: every member listed received the bonus. */
  'team-target.reached': {
    organizationId: string;
    missionId: string;
    teamId: string;
    memberIds: string[];
    bonus: number;
  };
  /** A member earned a badge (once per award; the TV's celebration and the member's notice). */
  'badge.awarded': {
    organizationId: string;
    memberId: string;
    awardId: string;
    badge: {
      id: string;
      name: string;
      icon: BadgeIcon;
      imageId: string | null;
      description: string;
      valueId: string | null;
      bonusPoints: number;
    };
    /** The window the award is for (`1970-01-01` for all-time badges). */
    windowStart: string;
    awardedAt: Date;
  };
  /** A manager approved a customer's praise: each named member received `points` from the company. */
  'praise.approved': {
    organizationId: string;
    praiseId: string;
    teamId: string | null;
    memberIds: string[];
    points: number;
  };
  /** A screen link was revoked: its sockets must go. */
  'display.revoked': { organizationId: string; displayId: string };
  /** A screen's settings changed: its TV applies them live. */
  'display.changed': {
    organizationId: string;
    displayId: string;
    display: DisplaySettingsDto;
    /** Its pushes now go to another room (its mode, style or top N changed). */
    moved: boolean;
  };
  /** Logins ended (logout, deactivation): the sockets they opened must go. */
  'session.revoked': { organizationId: string; sessionIds: string[] };
  /** What a member may see changed (role, managed teams, deactivation): their sockets must reconnect. */
  'member.access_changed': { organizationId: string; memberId: string };
}

/**
 * Facts another feature must act on inside the emitter's transaction (its handlers are
 * awaited there), so that both changes commit or neither does.
 */
export interface DomainCommandMap {
  /** A member was deactivated: their logins must end with it (auth). */
  'member.deactivated': { organizationId: string; memberId: string };
  /** A member's part-time factor changed: this month's allowance follows it (points). */
  'member.part_time_changed': {
    organizationId: string;
    memberId: string;
    role: Role;
    partTimeFactor: number;
  };
  /** A kudos is being given: mail to its recipients is queued with it (mail). */
  'kudos.given': { organizationId: string; kudos: KudosRecord };
}

export type DomainEventName = keyof DomainEventMap;
export type DomainCommandName = keyof DomainCommandMap;
type CommandHandler<K extends DomainCommandName> = (payload: DomainCommandMap[K]) => Promise<void>;

/** A small typed in-process bus. */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(50);
  private readonly commandHandlers: { [K in DomainCommandName]?: CommandHandler<K>[] } = {};

  // Optional so unit specs can build a bare bus.
  constructor(@Optional() private readonly transactions?: Transactions) {}

  /**
   * Publishes once the current transaction commits (at once outside one): a route
   * wrapped in an outer transaction (an audited action) still publishes after commit.
   */
  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    if (this.transactions) {
      this.transactions.afterCommit(() => this.emitter.emit(name, payload));
    } else {
      this.emitter.emit(name, payload);
    }
  }

  on<K extends DomainEventName>(
    name: K,
    handler: (payload: DomainEventMap[K]) => void,
  ): () => void {
    this.emitter.on(name, handler);
    return () => this.emitter.off(name, handler);
  }

  /** Runs every handler of `name`, one after the other, in the caller's transaction. */
  async emitWithin<K extends DomainCommandName>(
    name: K,
    payload: DomainCommandMap[K],
  ): Promise<void> {
    for (const handler of this.commandHandlers[name] ?? []) {
      await handler(payload);
    }
  }

  handle<K extends DomainCommandName>(name: K, handler: CommandHandler<K>): () => void {
    const handlers: CommandHandler<K>[] = (this.commandHandlers[name] ??= []);
    handlers.push(handler);
    return () => handlers.splice(handlers.indexOf(handler), 1);
  }
}
