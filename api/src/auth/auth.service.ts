import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { SessionDto } from '@bravo/shared';
import { DomainException, conflict, invalid } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { Member } from '../members/member.entity';
import { BadgesService } from '../badges/badges.service';
import { BrandValuesService } from '../brand-values/brand-values.service';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { AuthMember } from './auth-member';
import type { ChangePasswordDto, LoginDto, SignupDto } from './auth.dto';
import { createLoginThrottle, type LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

const INVALID_CREDENTIALS = 'The e-mail or password is not correct.';

@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthService.name);
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly members: MembersService,
    private readonly brandValues: BrandValuesService,
    private readonly badges: BadgesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.throttle = createLoginThrottle(config);
  }

  onModuleInit(): Promise<void> {
    return this.throttle.open();
  }

  onModuleDestroy(): Promise<void> {
    return this.throttle.close();
  }

  /** Creates an organisation with its first admin, starter values and badges, and logs that admin in. */
  async signup(dto: SignupDto): Promise<SessionDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      const session = await this.transactions.run(async () => {
        const org = await this.organizations.create({
          name: dto.organizationName,
          timezone: dto.timezone,
        });
        const member = await this.members.create({
          organizationId: org.id,
          name: dto.name,
          email: dto.email,
          passwordHash,
          role: 'admin',
          teamId: null,
        });
        const values = await this.brandValues.createStarters(org.id, dto.values ?? []);
        await this.badges.createStarters(org.id, values);
        return this.openSession(member);
      });
      this.logger.log(`organisation "${dto.organizationName}" signed up`);
      return session;
    } catch (error) {
      if (isUniqueViolation(error, 'members_email_unique')) {
        throw emailTaken();
      }
      throw error;
    }
  }

  /** `ip` is the client's address (`request.clientAddress`), which per-address limits key on. */
  async login(dto: LoginDto, ip: string): Promise<SessionDto> {
    await this.throttle.assertAllowed(dto.email, ip);
    const member = await this.members.findByEmail(dto.email);
    const ok = await this.hasher.verify(member?.passwordHash ?? null, dto.password);
    if (!member || !ok) {
      // assertAllowed already counted it as a failure.
      throw new DomainException('invalid_credentials', INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(dto.email);
    if (!member.active) {
      throw new DomainException(
        'member_inactive',
        'This account has been deactivated. Ask your admin.',
      );
    }
    return this.transactions.run(() => this.openSession(member));
  }

  /**
   * Guessing the current password counts against the same limits as logging in. The new
   * password ends every other login of the member (a stolen session goes); this one stays.
   */
  async changePassword(caller: AuthMember, dto: ChangePasswordDto, ip: string): Promise<void> {
    const member = await this.members.account(caller.organizationId, caller.id);
    await this.throttle.assertAllowed(member.email, ip);
    if (!(await this.hasher.verify(member.passwordHash, dto.currentPassword))) {
      throw invalid('currentPassword', 'wrong_password', 'The current password is not correct.');
    }
    await this.throttle.recordSuccess(member.email);
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.transactions.run(async () => {
      await this.members.setPasswordHash(member.organizationId, member.id, passwordHash);
      await this.sessions.revokeAllOf(member.organizationId, member.id, caller.sessionId);
    });
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }

  /**
   * Used by signup and by accepting an invitation: a session plus the caller's profile,
   * in the caller's transaction (one connection, not two from the pool).
   */
  async openSession(member: Member): Promise<SessionDto> {
    const { token, expiresAt } = await this.sessions.open(member);
    const me = await this.members.me(member.organizationId, member.id);
    return { token, expiresAt: expiresAt.toISOString(), member: me };
  }
}

export const emailTaken = () =>
  conflict('email_taken', 'An account with this e-mail already exists.');
