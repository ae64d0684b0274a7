import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionDto } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException, conflict } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Member } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { Organization } from '../organizations/organization.entity';
import type { LoginDto, SignupDto } from './auth.dto';
import { createLoginThrottle, type LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

const INVALID_CREDENTIALS = 'The e-mail or password is not correct.';

@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthService.name);
  private readonly throttle: LoginThrottle;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly members: MembersService,
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

  /** Creates an organisation with its first admin, and logs that admin in. */
  async signup(dto: SignupDto): Promise<SessionDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      const session = await this.db.transaction(async (manager) => {
        const org = await manager.save(
          manager.create(Organization, {
            name: dto.organizationName,
            timezone: dto.timezone,
            rules: {},
          }),
        );
        const member = await manager.save(
          manager.create(Member, {
            organizationId: org.id,
            name: dto.name,
            email: dto.email,
            passwordHash,
            role: 'admin',
            teamId: null,
          }),
        );
        return this.openSession(manager, member);
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
    const member = await this.db.getRepository(Member).findOne({ where: { email: dto.email } });
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
    return this.db.transaction((manager) => this.openSession(manager, member));
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }

  /** Used by signup and by accepting an invitation: a session plus the caller's profile. */
  async openSession(manager: EntityManager, member: Member): Promise<SessionDto> {
    const { token, expiresAt } = await this.sessions.open(manager, member);
    const me = await this.members.me(member.organizationId, member.id, manager);
    return { token, expiresAt: expiresAt.toISOString(), member: me };
  }
}

export const emailTaken = () =>
  conflict('email_taken', 'An account with this e-mail already exists.');
