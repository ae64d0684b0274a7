import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_POINT_RULES,
  DISPLAY_PANELS,
  panelsAt,
  type CreatedDisplayDto,
  type DisplayDto,
  type DisplayStateDto,
} from '@bravo/shared';
import QRCode from 'qrcode';
import type { AuthMember } from '../auth/auth-member';
import { AuditTrail } from '../audit/audit-trail';
import { Clock } from '../common/clock';
import { DomainException, forbidden, invalid, notFound } from '../common/domain-exception';
import { hashToken, newSecretToken } from '../common/tokens';
import { PublicLinks } from '../common/public-links';
import { DomainEvents } from '../events/domain-events';
import { BUILD_ID } from '../health/build-id';
import { KudosFeedService } from '../kudos/kudos-feed.service';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { MissionScreensService } from '../missions/mission-screens.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import { MembersService } from '../members/members.service';
import { PraiseCards } from '../praise/praise-cards.service';
import { rooms, type ScreenRoomKey } from '../live/rooms';
import { ScreenView, namedIn } from './screen-view';
import type { CreateDisplayDto, UpdateDisplayDto } from './display.dto';
import type { DisplayLink } from './display.entity';
import { DisplaysRepository } from './displays.repository';

/** A connected screen's instance renews its presence this often… */
export const PRESENCE_HEARTBEAT_MS = 30_000;
/** …and a screen counts as online this long after the last renewal (two beats and a margin). */
const ONLINE_GRACE_MS = 2 * PRESENCE_HEARTBEAT_MS + 15_000;

/** How many entries a screen receives (its top N is at most this; the rest tells ties past the cut). */
const SCREEN_BOARD_DEPTH = 50;
/** Stories the "What our customers say" panel rotates through. */
const SCREEN_PRAISE = 10;

const toSettings = (d: DisplayLink) => ({
  id: d.id,
  name: d.name,
  scope: d.scope,
  teamId: d.teamId,
  panels: d.panels,
  rotationSeconds: d.rotationSeconds,
  topN: d.topN,
  nameStyle: d.nameStyle,
  publicSafe: d.publicSafe,
  chime: d.chime,
  schedule: d.schedule,
  createdAt: d.createdAt.toISOString(),
});

/** The room of a screen's pushes (ScreenView cuts them for screens alike in these). */
export const screenRoomOf = (d: DisplayLink): string => rooms.screens(d);

export const notConnected = () =>
  new DomainException(
    'display_not_connected',
    'This screen is not connected — ask your manager for a new link.',
  );

/** TV screen links: admins for the organisation, managers for the teams they manage. */
@Injectable()
export class DisplaysService {
  constructor(
    private readonly repository: DisplaysRepository,
    private readonly teams: TeamsService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: PublicLinks,
    private readonly events: DomainEvents,
    private readonly organizations: OrganizationsService,
    private readonly boards: LeaderboardService,
    private readonly feed: KudosFeedService,
    private readonly missions: MissionScreensService,
    private readonly praise: PraiseCards,
    private readonly audit: AuditTrail,
    private readonly members: MembersService,
  ) {}

  /** `requestOrigin`: the origin the admin is using, for the link and QR code they are shown. */
  async create(
    caller: AuthMember,
    dto: CreateDisplayDto,
    requestOrigin?: string,
  ): Promise<CreatedDisplayDto> {
    return this.withQrCodes(await this.openLink(caller, dto, requestOrigin));
  }

  /** `create` without its QR images (drawn by `withQrCodes`, outside the transaction). */
  async openLink(
    caller: AuthMember,
    dto: CreateDisplayDto,
    requestOrigin?: string,
  ): Promise<DisplayDto & { token: string; url: string }> {
    const token = newSecretToken();
    const display = await this.open(caller, dto, hashToken(token));
    return { ...display, token, url: this.links.url(`/tv/${token}`, requestOrigin) };
  }

  async withQrCodes(link: DisplayDto & { token: string; url: string }): Promise<CreatedDisplayDto> {
    const [qrSvg, qrPng] = await Promise.all([
      QRCode.toString(link.url, { type: 'svg', margin: 1 }),
      QRCode.toDataURL(link.url, { margin: 1, width: 512 }),
    ]);
    return { ...link, qrSvg, qrPng };
  }

  /** A new screen whose token hashes to `tokenHash` (a secret link's, or a paired TV's secret). */
  async open(caller: AuthMember, dto: CreateDisplayDto, tokenHash: string): Promise<DisplayDto> {
    const teamId = dto.scope === 'team' ? (dto.teamId ?? null) : null;
    this.assertMayManage(caller, teamId);
    if (teamId && !(await this.teams.existing(caller.organizationId, [teamId])).has(teamId)) {
      throw invalid('teamId', 'unknown_team', 'teamId does not name a team of this organisation');
    }
    const { rules } = await this.organizations.context(caller.organizationId);
    const display = await this.repository.insert({
      organizationId: caller.organizationId,
      name: dto.name,
      scope: dto.scope,
      teamId,
      panels: dto.panels ?? [...DISPLAY_PANELS],
      rotationSeconds: dto.rotationSeconds ?? 15,
      // The organisation's setting is only the default of a new screen; the screen's own decides.
      topN:
        dto.topN ??
        Math.min(rules.screenTopN ?? DEFAULT_POINT_RULES.screenTopN, SCREEN_BOARD_DEPTH),
      nameStyle: dto.nameStyle ?? 'first_name_last_initial',
      // A new screen faces customers until its manager says it does not.
      publicSafe: dto.publicSafe ?? true,
      chime: dto.chime ?? false,
      schedule: dto.schedule ?? [],
      tokenHash,
      createdById: caller.id,
    });
    return this.toDto(display);
  }

  /** Changes a screen's settings; its TV applies them at once. */
  async update(caller: AuthMember, id: string, dto: UpdateDisplayDto): Promise<DisplayDto> {
    const display = await this.repository.findOpen(caller.organizationId, id);
    if (!display) {
      throw notFound('Screen');
    }
    this.assertMayManage(caller, display.teamId);
    this.audit.before(this.toDto(display));
    // A field left out (or null) keeps its value.
    const changed = await this.repository.update(display.id, {
      ...(dto.name ? { name: dto.name } : {}),
      ...(dto.panels ? { panels: dto.panels } : {}),
      ...(dto.rotationSeconds ? { rotationSeconds: dto.rotationSeconds } : {}),
      ...(dto.topN ? { topN: dto.topN } : {}),
      ...(dto.nameStyle ? { nameStyle: dto.nameStyle } : {}),
      ...(typeof dto.publicSafe === 'boolean' ? { publicSafe: dto.publicSafe } : {}),
      ...(typeof dto.chime === 'boolean' ? { chime: dto.chime } : {}),
      ...(dto.schedule ? { schedule: dto.schedule } : {}),
    });
    this.events.emit('display.changed', {
      organizationId: caller.organizationId,
      displayId: id,
      display: toSettings(changed),
      // Its sockets are in the old room: they must go, and come back to the new one.
      moved: screenRoomOf(changed) !== screenRoomOf(display),
    });
    return this.toDto(changed);
  }

  /** A screen's sockets are up (now, on some instance) — from where and in which browser. */
  async connected(id: string, seen: { address: string; userAgent: string }): Promise<void> {
    await this.repository.markSeen([id], this.clock.now(), ONLINE_GRACE_MS, seen);
  }

  /** This instance still holds sockets of these screens (a heartbeat, so a crash cannot leave one "online"). */
  async stillConnected(ids: string[]): Promise<void> {
    if (ids.length > 0) {
      await this.repository.markSeen(ids, this.clock.now(), ONLINE_GRACE_MS);
    }
  }

  /** This instance's last socket of a screen closed. */
  async disconnected(id: string): Promise<void> {
    await this.repository.markSeen([id], this.clock.now(), 0);
  }

  async list(caller: AuthMember): Promise<DisplayDto[]> {
    const rows = await this.repository.listOpen(caller.organizationId);
    return rows
      .filter(
        (d) => caller.role === 'admin' || (d.teamId && caller.managedTeamIds.includes(d.teamId)),
      )
      .map((d) => this.toDto(d));
  }

  async revoke(caller: AuthMember, id: string): Promise<void> {
    const display = await this.repository.findOpen(caller.organizationId, id);
    if (!display) {
      throw notFound('Screen');
    }
    this.assertMayManage(caller, display.teamId);
    await this.repository.revoke(id, this.clock.now());
    this.events.emit('display.revoked', { organizationId: caller.organizationId, displayId: id });
  }

  /** The screen behind a token, or null when unknown or revoked. */
  authenticate(token: string): Promise<DisplayLink | null> {
    return this.repository.findOpenByTokenHash(hashToken(token));
  }

  /** A screen's room while its link is valid (a live connection re-checks what opened it). */
  async roomOf(id: string): Promise<string | null> {
    const display = await this.repository.findOpenById(id);
    return display ? screenRoomOf(display) : null;
  }

  /** The rooms of this organisation's open screens, each with what cuts its pushes. */
  async audiences(organizationId: string): Promise<(ScreenRoomKey & { room: string })[]> {
    const rows = await this.repository.audiences(organizationId);
    const byRoom = new Map<string, ScreenRoomKey & { room: string }>();
    for (const row of rows) {
      const key = { organizationId, ...row };
      byRoom.set(rooms.screens(key), { ...key, room: rooms.screens(key) });
    }
    return [...byRoom.values()];
  }

  /** What a screen shows (`DisplayGuard` has checked its link). */
  async state(display: DisplayLink): Promise<DisplayStateDto> {
    const viewer = { id: null, organizationId: display.organizationId, teamId: display.teamId };
    const query = {
      period: 'month' as const,
      // As deep as a live tick's board: the TV cuts it to its top N and can tell who is tied past it.
      limit: SCREEN_BOARD_DEPTH,
      ...(display.teamId ? { teamId: display.teamId } : {}),
    };
    const [org, team, members, teams, kudos, missions, praise] = await Promise.all([
      this.organizations.get(display.organizationId),
      display.teamId
        ? this.teams.find(display.organizationId, display.teamId)
        : Promise.resolve(null),
      this.boards.members(viewer, query),
      this.boards.teams(viewer, { period: 'month', limit: 50 }),
      this.feed.feed(viewer, { limit: 10, ...(display.teamId ? { teamId: display.teamId } : {}) }),
      this.missions.forScreen(display.organizationId, display.teamId),
      this.praise.cards(
        display.organizationId,
        display.teamId ? { teamId: display.teamId } : {},
        SCREEN_PRAISE,
      ),
    ]);
    const source = { kudos: kudos.items, board: { members }, praise, celebrations: [] };
    const view = new ScreenView(
      display,
      await this.members.screenChoices(display.organizationId, namedIn(source)),
    );
    return {
      display: { ...toSettings(display), teamName: team?.name ?? null },
      organization: { name: org.name, timezone: org.timezone },
      members: view.members(members),
      teams: view.teams(teams),
      kudos: view.kudos(kudos.items),
      praise: view.praise(praise),
      missions: view.missions(missions),
      panelsNow: panelsAt(display, org.timezone, this.clock.now()),
      build: BUILD_ID,
    };
  }

  private toDto(d: DisplayLink): DisplayDto {
    const now = this.clock.now();
    return {
      ...toSettings(d),
      presence: {
        online: d.onlineUntil !== null && d.onlineUntil > now,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        address: d.lastAddress,
        userAgent: d.lastUserAgent,
      },
    };
  }

  private assertMayManage(caller: AuthMember, teamId: string | null): void {
    if (caller.role === 'admin') {
      return;
    }
    if (caller.role === 'manager' && teamId && caller.managedTeamIds.includes(teamId)) {
      return;
    }
    throw forbidden(
      caller.role === 'manager'
        ? 'Managers can set up screens only for the teams they manage.'
        : 'Only admins and managers can set up screens.',
    );
  }
}
