import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INVITATION_TTL_DAYS,
  type CreatedInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type SessionDto,
} from '@bravo/shared';
import { DataSource, IsNull } from 'typeorm';
import { AuthService, emailTaken } from '../auth/auth.service';
import type { AuthMember } from '../auth/auth-member';
import { PasswordHasher } from '../auth/password-hasher';
import { Clock } from '../common/clock';
import { DomainException, invalid, notFound } from '../common/domain-exception';
import { hashToken, newSecretToken } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isUniqueViolation } from '../database/postgres-errors';
import { Member } from '../members/member.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import type { AcceptInvitationDto, CreateInvitationDto } from './invitation.dto';
import { Invitation } from './invitation.entity';

const toDto = (i: Invitation): InvitationDto => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  teamId: i.teamId,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
  ) {}

  async create(caller: AuthMember, dto: CreateInvitationDto): Promise<CreatedInvitationDto> {
    const org = caller.organizationId;
    if (await this.db.getRepository(Member).existsBy({ email: dto.email })) {
      throw emailTaken();
    }
    if (
      dto.teamId &&
      !(await this.db.getRepository(Team).existsBy({ id: dto.teamId, organizationId: org }))
    ) {
      throw invalid('teamId', 'unknown_team', 'teamId does not name a team of this organisation');
    }
    const token = newSecretToken();
    const now = this.clock.now();
    const invitation = await this.db.transaction(async (manager) => {
      // A new invitation to the same address replaces any pending one.
      await manager.update(
        Invitation,
        { organizationId: org, email: dto.email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: now },
      );
      return manager.save(
        manager.create(Invitation, {
          organizationId: org,
          email: dto.email,
          name: dto.name,
          role: dto.role,
          teamId: dto.teamId ?? null,
          invitedById: caller.id,
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
    });
    const url = `${this.config.publicUrl}/invite/${token}`;
    // No mail server: the admin copies the link, and it is in the log for the operator.
    this.logger.log(`invitation for ${dto.email}: ${url}`);
    return { ...toDto(invitation), token, url };
  }

  async listPending(organizationId: string): Promise<InvitationDto[]> {
    const rows = await this.db.getRepository(Invitation).find({
      where: { organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toDto);
  }

  async revoke(organizationId: string, id: string): Promise<void> {
    const result = await this.db
      .getRepository(Invitation)
      .update(
        { id, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: this.clock.now() },
      );
    if (!result.affected) {
      throw notFound('Invitation');
    }
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findUsable(token);
    const org = await this.db
      .getRepository(Organization)
      .findOneByOrFail({ id: invitation.organizationId });
    return {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organizationName: org.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async accept(token: string, dto: AcceptInvitationDto): Promise<SessionDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      return await this.db.transaction(async (manager) => {
        // Locked so two tabs accepting at once create one member.
        const invitation = await this.findUsable(token, manager);
        await manager.update(Invitation, { id: invitation.id }, { acceptedAt: this.clock.now() });
        const member = await manager.save(
          manager.create(Member, {
            organizationId: invitation.organizationId,
            name: invitation.name,
            email: invitation.email,
            passwordHash,
            role: invitation.role,
            teamId: invitation.teamId,
          }),
        );
        return this.auth.openSession(manager, member);
      });
    } catch (error) {
      throw isUniqueViolation(error, 'members_email_unique') ? emailTaken() : error;
    }
  }

  private async findUsable(token: string, manager = this.db.manager): Promise<Invitation> {
    const invitation = await manager.findOne(Invitation, {
      where: { tokenHash: hashToken(token) },
      ...(manager.queryRunner?.isTransactionActive
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
    });
    if (!invitation || invitation.revokedAt) {
      throw notFound('Invitation');
    }
    if (invitation.acceptedAt) {
      throw new DomainException(
        'invitation_used',
        'This invitation has already been used. Log in instead.',
      );
    }
    if (invitation.expiresAt <= this.clock.now()) {
      throw new DomainException(
        'invitation_expired',
        'This invitation has expired. Ask your admin for a new one.',
      );
    }
    return invitation;
  }
}
