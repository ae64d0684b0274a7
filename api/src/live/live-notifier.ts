import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LIVE_EVENTS, type KudosDto } from '@bravo/shared';
import { DomainEvents } from '../events/domain-events';
import { KudosFeedService } from '../kudos/kudos-feed.service';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PointsReadService } from '../points/points-read.service';
import { LiveGateway } from './live.gateway';
import { rooms } from './rooms';
import { TickBatcher } from './tick-batcher';

/** At most one push per room per tick: the cost of a burst does not multiply by screens. */
export const TICK_MS = 250;

interface OrgChanges {
  created: Set<string>;
  removed: Set<string>;
  /** Members whose allowance may have moved. */
  members: Set<string>;
}

/** Turns domain events into socket.io pushes, batched per organisation. */
@Injectable()
export class LiveNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveNotifier.name);
  private readonly batcher = new TickBatcher<OrgChanges>(
    TICK_MS,
    () => ({ created: new Set(), removed: new Set(), members: new Set() }),
    (org, changes) =>
      void this.flush(org, changes).catch((e: unknown) =>
        this.logger.error(`live push failed: ${String(e)}`),
      ),
  );
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: LiveGateway,
    private readonly feed: KudosFeedService,
    private readonly boards: LeaderboardService,
    private readonly points: PointsReadService,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('kudos.created', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.created.add(e.kudosId);
          c.members.add(e.giverId);
        });
      }),
      this.events.on('kudos.removed', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.removed.add(e.kudosId);
          c.created.delete(e.kudosId);
          e.memberIds.forEach((m) => c.members.add(m));
        });
      }),
      this.events.on('points.changed', (e) => {
        this.batcher.add(e.organizationId, (c) => e.memberIds.forEach((m) => c.members.add(m)));
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((off) => off());
    this.batcher.stop();
  }

  private async flush(organizationId: string, changes: OrgChanges): Promise<void> {
    const server = this.gateway.server;
    if (!server) {
      return;
    }
    const org = rooms.org(organizationId);
    if (changes.created.size > 0) {
      const items = await this.feed.byIds(organizationId, [...changes.created]);
      if (items.length > 0) {
        server.to(org).emit(LIVE_EVENTS.kudosCreated, { items });
        this.notifyRecipients(items);
      }
    }
    if (changes.removed.size > 0) {
      server.to(org).emit(LIVE_EVENTS.kudosRemoved, { ids: [...changes.removed] });
    }
    // Any change above moved points (or might have): send the latest boards once.
    const { rules } = await this.organizations.context(organizationId);
    const viewer = { id: null, organizationId, teamId: null };
    const query = { period: 'month' as const, limit: rules.screenTopN };
    const [members, teams] = await Promise.all([
      this.boards.members(viewer, query),
      this.boards.teams(viewer, query),
    ]);
    server.to(org).emit(LIVE_EVENTS.leaderboardUpdated, {
      version: Math.max(members.version, teams.version),
      members,
      teams,
    });
    for (const memberId of changes.members) {
      const allowance = await this.points.allowanceOf(organizationId, memberId);
      if (allowance) {
        server.to(rooms.member(memberId)).emit(LIVE_EVENTS.allowanceUpdated, allowance);
      }
    }
  }

  private notifyRecipients(items: KudosDto[]): void {
    for (const kudos of items) {
      for (const recipient of kudos.recipients) {
        this.gateway.server.to(rooms.member(recipient.id)).emit(LIVE_EVENTS.notification, {
          kind: 'kudos_received',
          kudosId: kudos.id,
          fromName: kudos.giver.name,
          points: kudos.points,
          message: kudos.message,
        });
      }
    }
  }
}
