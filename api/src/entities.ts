import { AuditEntry } from './audit/audit-entry.entity';
import { PasswordReset } from './auth/password-reset.entity';
import { Session } from './auth/session.entity';
import { OutboxMessage } from './mail/outbox-message.entity';
import { IdempotencyKey } from './common/idempotency-key.entity';
import { DisplayLink } from './displays/display.entity';
import { DisplayPairing } from './displays/display-pairing.entity';
import {
  Kudos,
  KudosBoost,
  KudosComment,
  KudosReaction,
  KudosRecipient,
} from './kudos/kudos.entity';
import { Allowance } from './points/allowance.entity';
import { LedgerEntry } from './points/ledger-entry.entity';
import { LeaderboardVersion, PointTotal, TeamPointTotal } from './points/point-total.entity';
import { Invitation } from './invitations/invitation.entity';
import { Member } from './members/member.entity';
import { Mission, MissionSubmission, MissionTargetReached } from './missions/mission.entity';
import { Praise, PraiseMember, PraisePage } from './praise/praise.entity';
import { TeamManager } from './members/team-manager.entity';
import { Organization } from './organizations/organization.entity';
import { Team } from './teams/team.entity';
import { BrandValue } from './brand-values/brand-value.entity';
import { Upload } from './uploads/upload.entity';
import { Badge, BadgeAward } from './badges/badge.entity';

/**
 * Every entity, for the tools that need the whole schema at once (migration CLI, schema
 * check). The running app collects them from each module's `TypeOrmModule.forFeature`.
 */
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
  PasswordReset,
  OutboxMessage,
  DisplayPairing,
  Mission,
  MissionSubmission,
  MissionTargetReached,
  Praise,
  PraiseMember,
  PraisePage,
  Upload,
  Badge,
  BadgeAward,
  AuditEntry,
];
