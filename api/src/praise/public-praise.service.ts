import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PublicPraisePageDto } from '@bravo/shared';
import { Clock } from '../common/clock';
import { PublicLinks } from '../common/public-links';
import { notFound } from '../common/domain-exception';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import type { PublicPraiseInput } from './praise.dto';
import { PraiseRepository } from './praise.repository';
import { firstNameOf, looksHuman } from './praise-rules';
import { PraiseService } from './praise.service';
import { PraiseThrottle } from './praise-throttle';

/** Unambiguous letters and digits (no 0/O, 1/l/I): a code read off a poster. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 10;

function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/**
 * The public praise page of a team (`/p/<code>`): no account. What it shows is first names
 * only; what it takes is rate-limited, and a bot's submission (trap filled, sent too fast)
 * is dropped while answering as if it were accepted.
 */
@Injectable()
export class PublicPraiseService {
  constructor(
    private readonly repository: PraiseRepository,
    private readonly praise: PraiseService,
    private readonly throttle: PraiseThrottle,
    private readonly teams: TeamsService,
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly links: PublicLinks,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * The team's page code, made on first ask, and its address as a phone in the shop opens it
   * (PUBLIC_URL, else the manager's own origin unless it is loopback): the poster's QR code.
   */
  async linkOf(
    organizationId: string,
    teamId: string,
    requestOrigin?: string,
  ): Promise<{ code: string; url: string }> {
    if (!(await this.teams.find(organizationId, teamId))) {
      throw notFound('Team');
    }
    const code = await this.repository.ensurePage(organizationId, teamId, newCode());
    return { code, url: this.links.url(`/p/${code}`, requestOrigin) };
  }

  async page(code: string): Promise<PublicPraisePageDto> {
    const { page, team } = await this.found(code);
    const [org, members] = await Promise.all([
      this.organizations.get(page.organizationId),
      this.members.activeInTeam(page.organizationId, team.id),
    ]);
    return {
      organizationName: org.name,
      teamName: team.name,
      members: members
        .map((m) => ({ id: m.id, firstName: firstNameOf(m.name) }))
        .sort((a, b) => a.firstName.localeCompare(b.firstName)),
      startedAt: this.clock.now().getTime(),
    };
  }

  /** Takes a customer's story (pending); a bot's is dropped with the same answer. */
  async submit(code: string, input: PublicPraiseInput, address: string): Promise<void> {
    const { page, team } = await this.found(code);
    await this.throttle.count(address, team.id);
    if (!looksHuman(input, this.clock.now().getTime())) {
      return;
    }
    const named = input.memberId
      ? (await this.members.activeInTeam(page.organizationId, team.id)).some(
          (m) => m.id === input.memberId,
        )
      : false;
    await this.praise.insert({
      organizationId: page.organizationId,
      teamId: team.id,
      // Someone no longer in the team (an old page open on a phone): praise for the store.
      memberIds: named && input.memberId ? [input.memberId] : [],
      text: input.text,
      rating: input.rating ?? null,
      customerName: input.customerName || null,
      contact: input.consent && input.contact ? input.contact : null,
      channel: 'qr_code',
      recordedById: null,
    });
  }

  private async found(code: string) {
    const page = /^[a-z0-9]{4,16}$/.test(code) ? await this.repository.pageByCode(code) : null;
    const team = page ? await this.teams.find(page.organizationId, page.teamId) : null;
    if (!page || !team) {
      throw notFound('Page');
    }
    return { page, team };
  }
}
