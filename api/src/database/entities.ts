import { Session } from '../auth/session.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Member } from '../members/member.entity';
import { TeamManager } from '../members/team-manager.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { BrandValue } from '../values/brand-value.entity';

/** Every entity, in one list for the data source and the migration check. */
export const ENTITIES = [Organization, Team, Member, TeamManager, Session, Invitation, BrandValue];
