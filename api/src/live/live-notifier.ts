import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  FEED_BADGE_NAMES_MAX,
  LIVE_EVENTS,
  badgeCardId,
  type BadgeFeedCardDto,
  type KudosDto,
  type KudosRemovedPayload,
  type MemberSummary,
  type PraiseCardDto,
  type ScreenMissionDto,
} from '@bravo/shared';
import { DisplaysService } from '../displays/displays.service';
import {
  ScreenView,
  namedIn,
  type CelebrationSource,
  type ScreenTickSource,
} from '../displays/screen-view';
import { PraiseCards } from '../praise/praise-cards.service';
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
  /** Customer praise approved this tick: the feed's cards, the named staff told, a newsflash. */
  praise: Set<string>;
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
      praise: new Set(),
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
    private readonly displays: DisplaysService,
    private readonly praise: PraiseCards,
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
      // Settings are not batched: the one screen's TV applies them at once. One that moved to
      // another room reconnects into it (its recovery is refused: its room is not the same).
      this.events.on('display.changed', (e) => {
        this.gateway.broadcast(rooms.display(e.displayId), LIVE_EVENTS.displayUpdated, e.display);
        if (e.moved) {
          this.gateway.disconnectRoom(rooms.display(e.displayId));
        }
      }),
      this.events.on('praise.approved', (e) => {
        this.batcher.add(e.organizationId, (c) => {
          c.praise.add(e.praiseId);
          e.memberIds.forEach((m) => c.touched.add(m));
        });
      }),
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
    const board = { version: Math.max(members.version, teams.version), members, teams };
    const cards = await this.badgeCards(organizationId, changes.badges);
    const praise = await this.praiseCards(organizationId, changes.praise);
    // Members: the feed's and the boards' news, full names (screens get theirs below).
    this.gateway.broadcast(rooms.org(organizationId), LIVE_EVENTS.tick, {
      ...tickPayload(removed, items, board),
      ...(cards.length > 0 ? { 'badges.awarded': cards } : {}),
      ...(praise.length > 0 ? { 'praise.approved': praise } : {}),
    });
    await this.pushToScreens(organizationId, changes, {
      removed,
      items,
      board,
      praise,
      affectedTeams,
      query,
    });

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
    for (const card of praise) {
      for (const member of card.members) {
        this.gateway.broadcast(rooms.member(member.id), LIVE_EVENTS.notification, {
          kind: 'praise_approved',
          praiseId: card.id,
          customerName: card.customerName,
          text: card.text,
          points: card.points,
        });
      }
    }
    if (changes.members.size > 0) {
      const allowances = await this.points.allowancesOf(organizationId, [...changes.members]);
      for (const [memberId, allowance] of allowances) {
        this.gateway.broadcast(rooms.member(memberId), LIVE_EVENTS.allowanceUpdated, allowance);
      }
    }
  }

  /**
   * Every screen room of the organisation gets this tick cut for it (ScreenView): the
   * organisation's screens the whole tick, a team's screens their team's part.
   */
  private async pushToScreens(
    organizationId: string,
    changes: OrgChanges,
    tick: {
      removed: KudosRemovedPayload | undefined;
      items: KudosDto[];
      board: ScreenTickSource['board'];
      praise: PraiseCardDto[];
      affectedTeams: string[];
      query: { period: 'month'; limit: number };
    },
  ): Promise<void> {
    const audiences = await this.displays.audiences(organizationId);
    if (audiences.length === 0) {
      return;
    }
    const parts = await this.missionParts(organizationId, changes, tick.praise);
    const byTeam = groupByRecipientTeam(tick.items);
    const org: ScreenTickSource = {
      removed: tick.removed,
      kudos: tick.items,
      board: tick.board,
      missions: parts.org,
      celebrations: parts.celebrations.map(({ teamIds: _, ...c }) => c),
      praise: tick.praise,
    };
    const moved = new Set([
      ...tick.affectedTeams,
      ...byTeam.keys(),
      ...parts.teams.keys(),
      ...parts.celebrations.flatMap((c) => c.teamIds),
      ...tick.praise.flatMap((p) => (p.teamId ? [p.teamId] : [])),
    ]);
    const sources = new Map<string | null, ScreenTickSource>([[null, org]]);
    // Only teams with a screen: a team board is read for nobody else.
    for (const teamId of new Set(audiences.map((a) => a.teamId))) {
      if (teamId === null || !moved.has(teamId)) {
        continue;
      }
      const viewer = { id: null, organizationId, teamId };
      sources.set(teamId, {
        removed: tick.removed,
        kudos: byTeam.get(teamId) ?? [],
        board: {
          ...tick.board,
          members: await this.boards.members(viewer, { ...tick.query, teamId }),
        },
        missions: parts.teams.get(teamId),
        celebrations: parts.celebrations
          .filter((c) => c.teamIds.includes(teamId))
          .map(({ teamIds: _, ...c }) => c),
        praise: tick.praise.filter((p) => p.teamId === teamId),
      });
    }
    const choices = await this.members.screenChoices(
      organizationId,
      [...sources.values()].flatMap(namedIn),
    );
    for (const audience of audiences) {
      const source = sources.get(audience.teamId);
      if (source) {
        this.gateway.broadcast(
          audience.room,
          LIVE_EVENTS.tick,
          new ScreenView(audience, choices).tick(source),
        );
      }
    }
  }

  /**
   * The missions panel after completions (the organisation's, each moved team's) and what
   * the screens celebrate this tick: targets reached, badges earned, praise approved.
   */
  private async missionParts(
    organizationId: string,
    changes: OrgChanges,
    praise: PraiseCardDto[],
  ): Promise<{
    org: ScreenMissionDto[] | undefined;
    teams: Map<string, ScreenMissionDto[]>;
    celebrations: (CelebrationSource & { teamIds: string[] })[];
  }> {
    const targets = await Promise.all(
      changes.celebrations.map(async (c) => ({
        kind: 'team_target' as const,
        missionTitle: await this.missions.title(organizationId, c.missionId),
        teamName: await this.missions.teamName(organizationId, c.teamId),
        bonus: c.bonus,
        teamIds: [c.teamId],
      })),
    );
    const stories = praise.map((card) => ({
      kind: 'praise' as const,
      text: card.text,
      customerName: card.customerName,
      staff: card.members,
      teamName: card.teamName,
      value: card.value ? { name: card.value.name, emoji: card.value.emoji } : null,
      teamIds: card.teamId ? [card.teamId] : [],
    }));
    const celebrations = [
      ...targets,
      ...(await this.badgeCelebrations(organizationId, changes.badges)),
      ...stories,
    ];
    const teams = new Map<string, ScreenMissionDto[]>();
    if (changes.missionTeams.size === 0) {
      return { org: undefined, teams, celebrations };
    }
    for (const teamId of changes.missionTeams) {
      if (teamId !== null) {
        teams.set(teamId, await this.missions.forScreen(organizationId, teamId));
      }
    }
    return { org: await this.missions.forScreen(organizationId, null), teams, celebrations };
  }

  /**
   * One celebration per badge of this tick: the member when one earned it, a count when
   * several did at once (a new badge awarded backwards fills no screen with names).
   */
  private async badgeCelebrations(
    organizationId: string,
    earned: OrgChanges['badges'],
  ): Promise<(CelebrationSource & { teamIds: string[] })[]> {
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
        : new Map<string, MemberSummary>();
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
        member: awards.length === 1 ? (people.get(awards[0].memberId) ?? null) : null,
        count: awards.length,
        teamIds,
      };
    });
  }

  /** This tick's approved stories as feed cards (a story withdrawn meanwhile is left out). */
  private async praiseCards(organizationId: string, ids: Set<string>): Promise<PraiseCardDto[]> {
    const cards = await Promise.all([...ids].map((id) => this.praise.card(organizationId, id)));
    return cards.filter((c): c is PraiseCardDto => c !== null).reverse();
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
function groupByRecipientTeam(items: KudosDto[]): Map<string, KudosDto[]> {
  const byTeam = new Map<string, KudosDto[]>();
  for (const kudos of items) {
    for (const teamId of new Set(
      kudos.recipients.map((r) => r.teamId).filter((t): t is string => t !== null),
    )) {
      byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), kudos]);
    }
  }
  return byTeam;
}
