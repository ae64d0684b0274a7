import { Injectable } from '@nestjs/common';
import type { OnboardingChecklistDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { BrandValuesService } from '../brand-values/brand-values.service';
import { DisplaysService } from '../displays/displays.service';
import { InvitationsService } from '../invitations/invitations.service';
import { KudosFeedService } from '../kudos/kudos-feed.service';
import { MembersService } from '../members/members.service';
import { TeamsService } from '../teams/teams.service';

/** The owner's first steps, read through each owning feature's service (no tables of its own). */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly values: BrandValuesService,
    private readonly teams: TeamsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly displays: DisplaysService,
    private readonly kudos: KudosFeedService,
  ) {}

  async checklist(caller: AuthMember): Promise<OnboardingChecklistDto> {
    const org = caller.organizationId;
    const [values, teams, members, pending, screens, kudos] = await Promise.all([
      this.values.list(org),
      this.teams.list(org),
      this.members.list(caller, { limit: 1, offset: 0, includeInactive: true }),
      this.invitations.listPending(org),
      this.displays.list(caller),
      this.kudos.feed(caller, { limit: 1 }),
    ]);
    return {
      values: values.some((v) => !v.archived),
      team: teams.length > 0,
      colleagues: members.total > 1 || pending.length > 0,
      screen: screens.length > 0,
      kudos: kudos.items.length > 0,
    };
  }
}
