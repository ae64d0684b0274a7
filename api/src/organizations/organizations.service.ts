import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POINT_RULES, type OrganizationDto, type PointRules } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/domain-exception';
import type { UpdateOrganizationDto } from './organization.dto';
import { Organization } from './organization.entity';

/** Stored overrides on top of the defaults of PRODUCT.md. */
export function effectiveRules(org: Pick<Organization, 'rules'>): PointRules {
  return { ...DEFAULT_POINT_RULES, ...org.rules };
}

const toDto = (org: Organization): OrganizationDto => ({
  id: org.id,
  name: org.name,
  timezone: org.timezone,
  rules: effectiveRules(org),
});

type OrgContext = { timezone: string; rules: PointRules };

/**
 * Every kudos and board read needs the time zone and rules; they change rarely, so each
 * instance keeps them a few seconds (an update here is seen at once, on other instances
 * within the TTL).
 */
const CONTEXT_TTL_MS = 3000;

@Injectable()
export class OrganizationsService {
  private readonly contexts = new Map<string, { context: OrgContext; until: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Time zone and effective rules: what point calculations need. */
  async context(
    organizationId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<OrgContext> {
    const cached = this.contexts.get(organizationId);
    if (cached && cached.until > Date.now()) {
      return cached.context;
    }
    // Inside a transaction pass its manager: taking a second pooled connection can starve the pool.
    const org = await manager.findOneBy(Organization, { id: organizationId });
    if (!org) {
      throw notFound('Organisation');
    }
    const context = { timezone: org.timezone, rules: effectiveRules(org) };
    this.contexts.set(organizationId, { context, until: Date.now() + CONTEXT_TTL_MS });
    return context;
  }

  async get(organizationId: string): Promise<OrganizationDto> {
    const org = await this.db.getRepository(Organization).findOneBy({ id: organizationId });
    if (!org) {
      throw notFound('Organisation');
    }
    return toDto(org);
  }

  async update(organizationId: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    const updated = await this.db.transaction(async (manager) => {
      const org = await manager.findOne(Organization, {
        where: { id: organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!org) {
        throw notFound('Organisation');
      }
      org.name = dto.name ?? org.name;
      org.timezone = dto.timezone ?? org.timezone;
      if (dto.rules) {
        const patch = Object.fromEntries(
          Object.entries(dto.rules).filter(([, v]) => v !== undefined),
        );
        org.rules = { ...org.rules, ...patch };
      }
      return toDto(await manager.save(org));
    });
    // After commit, so no reader can re-cache the old rules.
    this.contexts.delete(organizationId);
    return updated;
  }
}
