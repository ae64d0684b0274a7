import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events';
import { LiveGateway } from './live.gateway';
import { rooms } from './rooms';

/**
 * Closes the sockets of a credential that ended or changed, at once (not on a
 * tick) and on every instance. Still-valid ones reconnect with their new rights.
 */
@Injectable()
export class LiveRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: LiveGateway,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('session.revoked', (e) =>
        e.sessionIds.forEach((id) => this.gateway.disconnectRoom(rooms.session(id))),
      ),
      this.events.on('member.access_changed', (e) =>
        this.gateway.disconnectRoom(rooms.member(e.memberId)),
      ),
      this.events.on('display.revoked', (e) =>
        this.gateway.disconnectRoom(rooms.display(e.displayId)),
      ),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((off) => off());
  }
}
