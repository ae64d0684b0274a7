import { Session } from '../auth/session.entity';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { DisplayLink } from '../displays/display.entity';
import {
  Kudos,
  KudosBoost,
  KudosComment,
  KudosReaction,
  KudosRecipient,
} from '../kudos/kudos.entity';
import { Allowance } from '../points/allowance.entity';
import { LedgerEntry } from '../points/ledger-entry.entity';
import { LeaderboardVersion, PointTotal, TeamPointTotal } from '../points/point-total.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Member } from '../members/member.entity';
import { TeamManager } from '../members/team-manager.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { BrandValue } from '../values/brand-value.entity';

/** Every entity, in one list for the data source and the migration check. */
export const ENTITIES = [
  Organization,
  Team,
  Member,
  TeamManager,
  Session,
  Invitation,
  BrandValue,
  Allowance,
  LedgerEntry,
  PointTotal,
  TeamPointTotal,
  LeaderboardVersion,
  Kudos,
  KudosRecipient,
  KudosBoost,
  KudosReaction,
  KudosComment,
  IdempotencyKey,
  DisplayLink,
];
