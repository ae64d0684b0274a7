import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  FEED_BADGE_NAMES_MAX,
  LIVE_EVENTS,
  badgeCardId,
  type BadgeFeedCardDto,
  type CelebrationPayload,
  type LiveTickPayload,
  type MemberSummary,
} from '@bravo/shared';
import { LivePool } from '../database/live-pool';
import { DomainEvents } from '../events/domain-events';
import type { KudosRecord } from '../kudos/kudos-record';
import { broadcastKudosDto } from '../kudos/kudos.mapper';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { MembersService } from '../members/members.service';
import { MissionScreensService } from '../missions/mission-screens.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PointsReadService } from '../points/points-read.service';
import { LiveGateway } from './live.gateway';
import { rooms } from './rooms';
import { TickBatcher } from './tick-batcher';
import { tickPayload } from './tick-payload';

/** At most one push per room per tick: the cost of a burst does not multiply by screens. */
export const TICK_MS = 250;
const MAX_SCREEN_TOP_N = 50;
/** Badges of one tick up to which team screens celebrate too (each needs its members' teams). */
const TEAM_CELEBRATION_MAX = 500;

interface OrgChanges {
  /** Kudos of this tick by id (a removal in the same tick drops one). */
  created: Map<string, KudosRecord>;
  removed: Set<string>;
  /** Members whose allowance may have moved. */
  members: Set<string>;
  /** Members whose points moved (their teams' screens need fresh boards). */
  touched: Set<string>;
  /** Teams whose missions moved (null: a member of no team); any entry refreshes the org's panel. */
  missionTeams: Set<string | null>;
  celebrations: { missionId: string; teamId: string; bonus: number }[];
  /** Badges earned this tick: the member is told, the screens celebrate. */
  badges: EarnedBadge[];
}

/** One award of a tick, with what its feed card and celebration show. */
interface EarnedBadge {
  memberId: string;
  badgeId: string;
  name: string;
  icon: BadgeFeedCardDto['badge']['icon'];
  imageId: string | null;
  description: string;
  valueId: string | null;
  bonusPoints: number;
  awardedAt: Date;
}

/** Turns domain events into socket.io pushes, batched per organisation. */
@Injectable()
export class LiveNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveNotifier.name);
  private readonly batcher = new TickBatcher<OrgChanges>(
    TICK_MS,
    () => ({
      created: new Map(),
      removed: new Set(),
      members: new Set(),
      touched: new Set(),
      missionTeams: new Set(),
      celebrations: [],
      badges: [],
    }),
    // The returned promise lets the batcher hold the next tick until this one is out.
    (org, changes) =>
      // Reads on the live pool: a tick must not queue behind a burst's writes.
      this.livePool
        .run(() => this.flush(org, changes))
        .catch((e: unknown) => this.logger.error(`live push failed: ${String(e)}`)),
  );
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: LiveGateway,
    private readonly boards: LeaderboardService,
    private readonly points: PointsReadService,
    private readonly organizations: OrganizationsService,
    private readonly livePool: LivePool,
    private readonly missions: MissionScreensService,
    private readonly members: MembersService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('kudos.created', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.created.set(e.kudos.id, e.kudos);
          c.members.add(e.kudos.giver.id);
          e.kudos.recipients.forEach((m) => c.touched.add(m.id));
        });
      }),
      this.events.on('kudos.removed', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.removed.add(e.kudosId);
          c.created.delete(e.kudosId);
          e.memberIds.forEach((m) => (c.members.add(m), c.touched.add(m)));
        });
      }),
      // Settings are not batched: the one screen's TV applies them at once.
      this.events.on('display.changed', (e) =>
        this.gateway.broadcast(rooms.display(e.displayId), LIVE_EVENTS.displayUpdated, e.display),
      ),
      this.events.on('mission.completed', (e) => {
        this.batcher.add(e.organizationId, (c) => c.missionTeams.add(e.teamId));
      }),
      // A tracked mission's team total moves without a completion: its meter moves too.
      this.events.on('mission.progressed', (e) => {
        this.batcher.add(e.organizationId, (c) => c.missionTeams.add(e.teamId));
      }),
      this.events.on('team-target.reached', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.missionTeams.add(e.teamId);
          c.celebrations.push({ missionId: e.missionId, teamId: e.teamId, bonus: e.bonus });
        });
      }),
      this.events.on('badge.awarded', (e) => {
        this.batcher.add(e.organizationId, (c) =>
          c.badges.push({
            memberId: e.memberId,
            badgeId: e.badge.id,
            name: e.badge.name,
            icon: e.badge.icon,
            imageId: e.badge.imageId,
            description: e.badge.description,
            valueId: e.badge.valueId,
            bonusPoints: e.badge.bonusPoints,
            awardedAt: e.awardedAt,
          }),
        );
      }),
      this.events.on('points.changed', (e) => {
        this.batcher.add(e.organizationId, (c) =>
          e.memberIds.forEach((m) => (c.members.add(m), c.touched.add(m))),
        );
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((off) => off());
    this.batcher.stop();
  }

  /** One tick of an organisation: one message per room (org, each affected team), then per-member pushes. */
  private async flush(organizationId: string, changes: OrgChanges): Promise<void> {
    if (!this.gateway.listening) {
      return;
    }
    // Newest first, as in the feed.
    const fresh = [...changes.created.values()].reverse();
    const items = fresh.map(broadcastKudosDto);
    const removed = changes.removed.size > 0 ? { ids: [...changes.removed] } : undefined;

    // Any change moved points (or might have): the latest boards go with it.
    const { rules } = await this.organizations.context(organizationId);
    const viewer = { id: null, organizationId, teamId: null };
    // The largest board any screen may show; each client cuts it to its own top N.
    const query = { period: 'month' as const, limit: Math.max(rules.screenTopN, MAX_SCREEN_TOP_N) };
    const [affectedTeams, members, teams] = await Promise.all([
      this.teamsOf([...changes.touched, ...changes.members]),
      this.boards.members(viewer, query),
      this.boards.teams(viewer, query),
    ]);
    const version = Math.max(members.version, teams.version);
    const screens = await this.missionParts(organizationId, changes);
    const cards = await this.badgeCards(organizationId, changes.badges);
    this.gateway.broadcast(rooms.org(organizationId), LIVE_EVENTS.tick, {
      ...tickPayload(removed, items, { version, members, teams }),
      ...screens.org,
      ...(cards.length > 0 ? { 'badges.awarded': cards } : {}),
    });

    // Team screens: their team's kudos and the members board narrowed to their team.
    const byTeam = groupByRecipientTeam(fresh);
    await Promise.all(
      [...new Set([...affectedTeams, ...byTeam.keys(), ...screens.teams.keys()])].map(
        async (teamId) => {
          const teamBoard = await this.boards.members({ ...viewer, teamId }, { ...query, teamId });
          this.gateway.broadcast(rooms.team(teamId), LIVE_EVENTS.tick, {
            ...tickPayload(removed, (byTeam.get(teamId) ?? []).map(broadcastKudosDto), {
              version,
              members: teamBoard,
              teams,
            }),
            ...screens.teams.get(teamId),
          });
        },
      ),
    );

    this.notifyRecipients(fresh);
    for (const badge of changes.badges) {
      this.gateway.broadcast(rooms.member(badge.memberId), LIVE_EVENTS.notification, {
        kind: 'badge_awarded',
        memberId: badge.memberId,
        badgeName: badge.name,
        icon: badge.icon,
        imageId: badge.imageId,
        bonusPoints: badge.bonusPoints,
      });
    }
    if (changes.members.size > 0) {
      const allowances = await this.points.allowancesOf(organizationId, [...changes.members]);
      for (const [memberId, allowance] of allowances) {
        this.gateway.broadcast(rooms.member(memberId), LIVE_EVENTS.allowanceUpdated, allowance);
      }
    }
  }

  /**
   * The missions panel after completions: the organisation's for its room, each moved
   * team's for that team's room, and the celebrations of targets reached (to both).
   */
  private async missionParts(
    organizationId: string,
    changes: OrgChanges,
  ): Promise<{ org: LiveTickPayload; teams: Map<string, LiveTickPayload> }> {
    const teams = new Map<string, LiveTickPayload>();
    const badges = await this.badgeCelebrations(organizationId, changes.badges);
    if (changes.missionTeams.size === 0 && badges.length === 0) {
      return { org: {}, teams };
    }
    const celebrations = await Promise.all(
      changes.celebrations.map(async (c) => ({
        kind: 'team_target' as const,
        missionTitle: await this.missions.title(organizationId, c.missionId),
        teamName: await this.missions.teamName(organizationId, c.teamId),
        bonus: c.bonus,
        teamIds: [c.teamId],
      })),
    );
    const all = [...celebrations, ...badges];
    const celebrate = (teamId: string | null): CelebrationPayload[] =>
      all
        .filter((c) => teamId === null || c.teamIds.includes(teamId))
        .map(({ teamIds: _, ...c }) => c);
    const moved = changes.missionTeams.size > 0;
    const withCelebrations = (list: CelebrationPayload[]) =>
      list.length > 0 ? { celebrations: list } : {};
    const org: LiveTickPayload = {
      ...(moved
        ? { 'missions.updated': { missions: await this.missions.forScreen(organizationId, null) } }
        : {}),
      ...withCelebrations(celebrate(null)),
    };
    const teamIds = new Set([
      ...[...changes.missionTeams].filter((t): t is string => t !== null),
      ...all.flatMap((c) => c.teamIds),
    ]);
    for (const teamId of teamIds) {
      teams.set(teamId, {
        ...(changes.missionTeams.has(teamId)
          ? {
              'missions.updated': {
                missions: await this.missions.forScreen(organizationId, teamId),
              },
            }
          : {}),
        ...withCelebrations(celebrate(teamId)),
      });
    }
    return { org, teams };
  }

  /**
   * One celebration per badge of this tick: the member's name when one earned it, a count
   * when several did at once (a new badge awarded backwards fills no screen with names).
   */
  private async badgeCelebrations(
    organizationId: string,
    earned: OrgChanges['badges'],
  ): Promise<(CelebrationPayload & { teamIds: string[] })[]> {
    if (earned.length === 0) {
      return [];
    }
    // A badge created for a large organisation awards thousands at once: then the
    // organisation's screens celebrate the count, and no member lookup runs.
    const people =
      earned.length <= TEAM_CELEBRATION_MAX
        ? await this.members.summaries(
            organizationId,
            earned.map((b) => b.memberId),
          )
        : new Map<string, { teamId: string | null; name: string }>();
    const byBadge = new Map<string, OrgChanges['badges']>();
    for (const award of earned) {
      byBadge.set(award.name, [...(byBadge.get(award.name) ?? []), award]);
    }
    return [...byBadge.values()].map((awards) => {
      const teamIds = [
        ...new Set(
          awards
            .map((a) => people.get(a.memberId)?.teamId)
            .filter((t): t is string => typeof t === 'string'),
        ),
      ];
      return {
        kind: 'badge' as const,
        badgeName: awards[0].name,
        icon: awards[0].icon,
        imageId: awards[0].imageId,
        memberName: awards.length === 1 ? (people.get(awards[0].memberId)?.name ?? null) : null,
        count: awards.length,
        teamIds,
      };
    });
  }

  /**
   * The feed's cards for this tick's awards, as `GET /feed` shows them: one per badge and
   * run (a run writes one instant), naming the earners only when few earned it.
   */
  private async badgeCards(
    organizationId: string,
    earned: EarnedBadge[],
  ): Promise<BadgeFeedCardDto[]> {
    const byCard = new Map<string, EarnedBadge[]>();
    for (const award of earned) {
      const id = badgeCardId(award.badgeId, award.awardedAt);
      byCard.set(id, [...(byCard.get(id) ?? []), award]);
    }
    const named = [...byCard.values()].filter((awards) => awards.length <= FEED_BADGE_NAMES_MAX);
    const people =
      named.length > 0
        ? await this.members.summaries(
            organizationId,
            named.flat().map((a) => a.memberId),
          )
        : new Map<string, MemberSummary>();
    // Newest first, as in the feed.
    return [...byCard]
      .map(([id, awards]): BadgeFeedCardDto => {
        const [first] = awards;
        const members =
          awards.length <= FEED_BADGE_NAMES_MAX
            ? awards
                .flatMap((a) => {
                  const person = people.get(a.memberId);
                  return person
                    ? [{ id: person.id, name: person.name, teamId: person.teamId }]
                    : [];
                })
                .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            : [];
        return {
          id,
          badge: {
            id: first.badgeId,
            name: first.name,
            icon: first.icon,
            imageId: first.imageId,
            description: first.description,
            valueId: first.valueId,
          },
          count: awards.length,
          members,
          awardedAt: first.awardedAt.toISOString(),
        };
      })
      .reverse();
  }

  private async teamsOf(memberIds: string[]): Promise<string[]> {
    return memberIds.length === 0 ? [] : this.boards.teamsOfMembers(memberIds);
  }

  private notifyRecipients(items: KudosRecord[]): void {
    for (const kudos of items) {
      for (const recipient of kudos.recipients) {
        this.gateway.broadcast(rooms.member(recipient.id), LIVE_EVENTS.notification, {
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

/** team id → the kudos that reached someone of that team. */
function groupByRecipientTeam(items: KudosRecord[]): Map<string, KudosRecord[]> {
  const byTeam = new Map<string, KudosRecord[]>();
  for (const kudos of items) {
    for (const teamId of new Set(
      kudos.recipients.map((r) => r.teamId).filter((t): t is string => t !== null),
    )) {
      byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), kudos]);
    }
  }
  return byTeam;
}
