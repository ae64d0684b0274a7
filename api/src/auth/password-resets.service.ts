import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  PASSWORD_RESET_ADMIN_TTL_HOURS,
  PASSWORD_RESET_EMAIL_TTL_MINUTES,
  type PasswordResetLinkDto,
  type PasswordResetPreviewDto,
  type PasswordResetRequestedDto,
  type SessionDto,
} from '@bravo/shared';
import { Clock } from '../common/clock';
import { DomainException, notFound } from '../common/domain-exception';
import { PublicLinks } from '../common/public-links';
import { hashToken, newSecretToken } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import { MembersService } from '../members/members.service';
import type { AuthMember } from './auth-member';
import { AuthService } from './auth.service';
import { createResetRequestThrottle, type LoginThrottle } from './login-throttle';
import type { PasswordReset } from './password-reset.entity';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

/**
 * "I forgot my password" answers no sooner than this, whether or not the address has an
 * account, so its timing does not tell (the queued mail is a few milliseconds of work).
 */
const REQUEST_ANSWER_FLOOR_MS = 250;

/** Single-use reset links: e-mailed on request (with SMTP), or made by an admin to hand over. */
@Injectable()
export class PasswordResetsService implements OnModuleInit, OnModuleDestroy {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly repository: PasswordResetsRepository,
    private readonly transactions: Transactions,
    private readonly members: MembersService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: PublicLinks,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.throttle = createResetRequestThrottle(config);
  }

  onModuleInit(): Promise<void> {
    return this.throttle.open();
  }

  onModuleDestroy(): Promise<void> {
    return this.throttle.close();
  }

  /** An admin's link for a member of their organisation; it replaces any earlier one. */
  /** `requestOrigin`: the origin the admin is using, for the link they are shown. */
  async createLink(
    caller: AuthMember,
    memberId: string,
    requestOrigin?: string,
  ): Promise<PasswordResetLinkDto> {
    const member = await this.members.account(caller.organizationId, memberId);
    const ttlMs = PASSWORD_RESET_ADMIN_TTL_HOURS * 3_600_000;
    const { token, expiresAt } = await this.transactions.run(() =>
      this.issue(member, ttlMs, caller.id),
    );
    return { url: this.link(token, requestOrigin), expiresAt: expiresAt.toISOString() };
  }

  /** The same answer, after about the same time, for any address (see the floor above). */
  async request(email: string, ip: string): Promise<PasswordResetRequestedDto> {
    const started = Date.now();
    await this.throttle.assertAllowed(email, ip);
    const delivery = this.mail.enabled ? 'email' : 'admin';
    const member = this.mail.enabled ? await this.members.findByEmail(email) : null;
    if (member?.active) {
      await this.transactions.run(async () => {
        const minutes = PASSWORD_RESET_EMAIL_TTL_MINUTES;
        const { token } = await this.issue(member, minutes * 60_000, null);
        await this.mail.enqueue({
          organizationId: member.organizationId,
          to: member.email,
          locale: member.locale,
          kind: 'password_reset',
          params: { name: member.name, url: this.link(token), minutes },
        });
      });
    }
    const left = REQUEST_ANSWER_FLOOR_MS - (Date.now() - started);
    if (left > 0) {
      await new Promise((resolve) => setTimeout(resolve, left));
    }
    return { delivery };
  }

  async preview(token: string): Promise<PasswordResetPreviewDto> {
    const reset = await this.findUsable(token);
    const member = await this.members.account(reset.organizationId, reset.memberId);
    return { name: member.name, expiresAt: reset.expiresAt.toISOString() };
  }

  /** Sets the new password, ends every login of the member, and opens a new one here. */
  async reset(token: string, password: string): Promise<SessionDto> {
    const passwordHash = await this.hasher.hash(password);
    return this.transactions.run(async () => {
      // Locked so the link works once even when used twice at the same moment.
      const reset = await this.findUsable(token, { lock: true });
      const member = await this.members.account(reset.organizationId, reset.memberId);
      if (!member.active) {
        throw new DomainException(
          'member_inactive',
          'This account has been deactivated. Ask your admin.',
        );
      }
      await this.repository.markUsed(reset.id, this.clock.now());
      await this.members.setPasswordHash(member.organizationId, member.id, passwordHash);
      await this.sessions.revokeAllOf(member.organizationId, member.id);
      return this.auth.openSession(member);
    });
  }

  private async issue(
    member: { id: string; organizationId: string },
    ttlMs: number,
    createdById: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecretToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.repository.revokeUnused(member.organizationId, member.id, now);
    await this.repository.insert({
      organizationId: member.organizationId,
      memberId: member.id,
      tokenHash: hashToken(token),
      createdById,
      expiresAt,
    });
    return { token, expiresAt };
  }

  private link(token: string, requestOrigin?: string): string {
    return this.links.url(`/reset-password/${token}`, requestOrigin);
  }

  private async findUsable(token: string, { lock = false } = {}): Promise<PasswordReset> {
    const reset = await this.repository.findByTokenHash(hashToken(token), lock);
    if (!reset || reset.revokedAt) {
      throw notFound('Reset link');
    }
    if (reset.usedAt) {
      throw new DomainException('reset_link_used', 'This reset link has already been used.');
    }
    if (reset.expiresAt <= this.clock.now()) {
      throw new DomainException(
        'reset_link_expired',
        'This reset link has expired. Ask for a new one.',
      );
    }
    return reset;
  }
}
