import { Injectable } from '@nestjs/common';
import { DEFAULT_POINT_RULES, type OrganizationDto, type PointRules } from '@bravo/shared';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { notFound } from '../common/domain-exception';
import { Transactions } from '../database/transactions';
import type { UpdateOrganizationDto } from './organization.dto';
import type { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

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

  constructor(
    private readonly repository: OrganizationsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Time zone and effective rules: what point calculations need. Inside a transaction
   * it reads on that transaction's connection: a second pooled one could starve the pool.
   * `manager`: only for callers not yet on `Transactions.run` (kudos feed) or on
   * another pool (live); it goes when they move (issue 9, A2).
   */
  async context(organizationId: string, manager?: EntityManager): Promise<OrgContext> {
    const cached = this.contexts.get(organizationId);
    if (cached && cached.until > Date.now()) {
      return cached.context;
    }
    const org = await this.repository.find(organizationId, manager);
    if (!org) {
      throw notFound('Organisation');
    }
    const context = { timezone: org.timezone, rules: effectiveRules(org) };
    this.contexts.set(organizationId, { context, until: Date.now() + CONTEXT_TTL_MS });
    return context;
  }

  async get(organizationId: string): Promise<OrganizationDto> {
    const org = await this.repository.find(organizationId);
    if (!org) {
      throw notFound('Organisation');
    }
    return toDto(org);
  }

  async update(organizationId: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    const updated = await this.transactions.run(async () => {
      const org = await this.repository.findForUpdate(organizationId);
      if (!org) {
        throw notFound('Organisation');
      }
      this.audit.before(toDto(org));
      org.name = dto.name ?? org.name;
      org.timezone = dto.timezone ?? org.timezone;
      if (dto.rules) {
        const patch = Object.fromEntries(
          Object.entries(dto.rules).filter(([, v]) => v !== undefined),
        );
        org.rules = { ...org.rules, ...patch };
      }
      return toDto(await this.repository.save(org));
    });
    // After commit (the audited route's outer one, if any), so no reader can re-cache the old rules.
    this.transactions.afterCommit(() => this.contexts.delete(organizationId));
    return updated;
  }

  /** A new organisation with the default rules (signup). */
  async create(fields: { name: string; timezone: string }): Promise<Organization> {
    return this.repository.create(fields);
  }
}
