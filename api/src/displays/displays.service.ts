import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_POINT_RULES,
  type CreatedDisplayDto,
  type DisplayDto,
  type DisplayStateDto,
} from '@bravo/shared';
import QRCode from 'qrcode';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { DomainException, forbidden, invalid, notFound } from '../common/domain-exception';
import { hashToken, newSecretToken } from '../common/tokens';
import { PublicLinks } from '../common/public-links';
import { DomainEvents } from '../events/domain-events';
import { BUILD_ID } from '../health/build-id';
import { KudosFeedService } from '../kudos/kudos-feed.service';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import type { CreateDisplayDto } from './display.dto';
import type { DisplayLink } from './display.entity';
import { DisplaysRepository } from './displays.repository';

const toDto = (d: DisplayLink): DisplayDto => ({
  id: d.id,
  name: d.name,
  scope: d.scope,
  teamId: d.teamId,
  panels: d.panels,
  rotationSeconds: d.rotationSeconds,
  topN: d.topN,
  nameStyle: d.nameStyle,
  createdAt: d.createdAt.toISOString(),
});

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
  ) {}

  /** `requestOrigin`: the origin the admin is using, for the link and QR code they are shown. */
  async create(
    caller: AuthMember,
    dto: CreateDisplayDto,
    requestOrigin?: string,
  ): Promise<CreatedDisplayDto> {
    const teamId = dto.scope === 'team' ? (dto.teamId ?? null) : null;
    this.assertMayManage(caller, teamId);
    if (teamId && !(await this.teams.existing(caller.organizationId, [teamId])).has(teamId)) {
      throw invalid('teamId', 'unknown_team', 'teamId does not name a team of this organisation');
    }
    const { rules } = await this.organizations.context(caller.organizationId);
    const token = newSecretToken();
    const display = await this.repository.insert({
      organizationId: caller.organizationId,
      name: dto.name,
      scope: dto.scope,
      teamId,
      panels: dto.panels ?? ['team_leaderboard', 'store_ranking', 'fresh_kudos'],
      rotationSeconds: dto.rotationSeconds ?? 15,
      topN: dto.topN ?? rules.screenTopN ?? DEFAULT_POINT_RULES.screenTopN,
      nameStyle: dto.nameStyle ?? 'first_name_last_initial',
      tokenHash: hashToken(token),
      createdById: caller.id,
    });
    const url = this.links.url(`/tv/${token}`, requestOrigin);
    const [qrSvg, qrPng] = await Promise.all([
      QRCode.toString(url, { type: 'svg', margin: 1 }),
      QRCode.toDataURL(url, { margin: 1, width: 512 }),
    ]);
    return { ...toDto(display), token, url, qrSvg, qrPng };
  }

  async list(caller: AuthMember): Promise<DisplayDto[]> {
    const rows = await this.repository.listOpen(caller.organizationId);
    return rows
      .filter(
        (d) => caller.role === 'admin' || (d.teamId && caller.managedTeamIds.includes(d.teamId)),
      )
      .map(toDto);
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

  /** Whether a screen link is still valid (a live connection re-checks what opened it). */
  stillOpen(id: string): Promise<boolean> {
    return this.repository.isOpen(id);
  }

  /** What a screen shows (`DisplayGuard` has checked its link). */
  async state(display: DisplayLink): Promise<DisplayStateDto> {
    const viewer = { id: null, organizationId: display.organizationId, teamId: display.teamId };
    const query = {
      period: 'month' as const,
      limit: display.topN,
      ...(display.teamId ? { teamId: display.teamId } : {}),
    };
    const [org, team, members, teams, kudos] = await Promise.all([
      this.organizations.get(display.organizationId),
      display.teamId
        ? this.teams.find(display.organizationId, display.teamId)
        : Promise.resolve(null),
      this.boards.members(viewer, query),
      this.boards.teams(viewer, { period: 'month', limit: 50 }),
      this.feed.feed(viewer, { limit: 10, ...(display.teamId ? { teamId: display.teamId } : {}) }),
    ]);
    return {
      display: { ...toDto(display), teamName: team?.name ?? null },
      organization: { name: org.name },
      members,
      teams,
      kudos: kudos.items,
      build: BUILD_ID,
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
