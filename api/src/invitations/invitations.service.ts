import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  INVITATION_TTL_DAYS,
  type CreatedInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type SessionDto,
} from '@bravo/shared';
import { AuthService, emailTaken } from '../auth/auth.service';
import type { AuthMember } from '../auth/auth-member';
import { PasswordHasher } from '../auth/password-hasher';
import { Clock } from '../common/clock';
import { DomainException, invalid, notFound } from '../common/domain-exception';
import { hashToken, newSecretToken } from '../common/tokens';
import { PublicLinks } from '../common/public-links';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import type { AcceptInvitationDto, CreateInvitationDto } from './invitation.dto';
import type { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

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
    private readonly repository: InvitationsRepository,
    private readonly transactions: Transactions,
    private readonly members: MembersService,
    private readonly teams: TeamsService,
    private readonly organizations: OrganizationsService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: PublicLinks,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly mail: MailService,
  ) {}

  /** `requestOrigin`: the origin the admin is using, for the link they are shown. */
  async create(
    caller: AuthMember,
    dto: CreateInvitationDto,
    requestOrigin?: string,
  ): Promise<CreatedInvitationDto> {
    const org = caller.organizationId;
    if (await this.members.existsByEmail(dto.email)) {
      throw emailTaken();
    }
    if (dto.teamId && !(await this.teams.existing(org, [dto.teamId])).has(dto.teamId)) {
      throw invalid('teamId', 'unknown_team', 'teamId does not name a team of this organisation');
    }
    const token = newSecretToken();
    const now = this.clock.now();
    const url = this.links.url(`/invite/${token}`, requestOrigin);
    let emailed = false;
    const invitation = await this.transactions.run(async () => {
      // A new invitation to the same address replaces any pending one.
      await this.repository.revokePending(org, dto.email, now);
      const created = await this.repository.insert({
        organizationId: org,
        email: dto.email,
        name: dto.name,
        role: dto.role,
        teamId: dto.teamId ?? null,
        partTimeFactor: dto.partTimeFactor ?? 1,
        invitedById: caller.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
      });
      emailed = await this.mailInvitation(caller, dto.email, url);
      return created;
    });
    if (!emailed) {
      // No mail server: the admin copies the link, and it is in the log for the operator.
      this.logger.log(`invitation for ${dto.email}: ${url}`);
    }
    return { ...toDto(invitation), token, url, emailed };
  }

  /** Queued with the invitation, in the inviter's language (the invitee has none yet). */
  private async mailInvitation(caller: AuthMember, to: string, url: string): Promise<boolean> {
    if (!this.mail.enabled) {
      return false;
    }
    const inviter = await this.members.account(caller.organizationId, caller.id);
    const org = await this.organizations.get(caller.organizationId);
    return this.mail.enqueue({
      organizationId: caller.organizationId,
      to,
      locale: inviter.locale,
      kind: 'invitation',
      params: {
        organizationName: org.name,
        inviterName: inviter.name,
        url,
        days: INVITATION_TTL_DAYS,
      },
    });
  }

  /** The invitations to these addresses that can still be accepted, by address (imports). */
  async usableByEmail(organizationId: string, emails: string[]): Promise<Map<string, Invitation>> {
    const rows = await this.repository.usable(organizationId, emails, this.clock.now());
    return new Map(rows.map((i) => [i.email, i]));
  }

  /** Changes a pending invitation in place: no new link, no new mail (imports). */
  updatePending(
    organizationId: string,
    id: string,
    fields: Partial<Pick<Invitation, 'name' | 'role' | 'teamId' | 'partTimeFactor'>>,
  ): Promise<void> {
    return this.repository.updatePending(organizationId, id, fields);
  }

  /** Serialises imports of one organisation until the transaction ends, so a double submit invites once. */
  lockImports(organizationId: string): Promise<void> {
    return this.repository.lockImports(organizationId);
  }

  async listPending(organizationId: string): Promise<InvitationDto[]> {
    const rows = await this.repository.listPending(organizationId);
    return rows.map(toDto);
  }

  async revoke(organizationId: string, id: string): Promise<void> {
    if (!(await this.repository.revoke(organizationId, id, this.clock.now()))) {
      throw notFound('Invitation');
    }
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findUsable(token);
    const org = await this.organizations.get(invitation.organizationId);
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
      return await this.transactions.run(async () => {
        // Locked so two tabs accepting at once create one member.
        const invitation = await this.findUsable(token, { lock: true });
        await this.repository.markAccepted(invitation.id, this.clock.now());
        const member = await this.members.create({
          organizationId: invitation.organizationId,
          name: invitation.name,
          email: invitation.email,
          passwordHash,
          role: invitation.role,
          teamId: invitation.teamId,
          partTimeFactor: invitation.partTimeFactor,
        });
        return this.auth.openSession(member);
      });
    } catch (error) {
      throw isUniqueViolation(error, 'members_email_unique') ? emailTaken() : error;
    }
  }

  private async findUsable(token: string, { lock = false } = {}): Promise<Invitation> {
    const invitation = await this.repository.findByTokenHash(hashToken(token), lock);
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
