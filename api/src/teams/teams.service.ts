import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type { TeamDto } from '@bravo/shared';
import { AuditTrail } from '../audit/audit-trail';
import { conflict, notFound } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import { MembersService } from '../members/members.service';
import type { TeamInput } from './team.dto';
import { TeamsRepository } from './teams.repository';

const nameTaken = () => conflict('team_name_taken', 'A team with this name already exists.');

@Injectable()
export class TeamsService {
  constructor(
    private readonly repository: TeamsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
    // Members check their teams through TeamsRepository; teams count their members here.
    @Inject(forwardRef(() => MembersService)) private readonly members: MembersService,
  ) {}

  async list(organizationId: string): Promise<TeamDto[]> {
    const [teams, counts] = await Promise.all([
      this.repository.list(organizationId),
      this.members.activeCountsByTeam(organizationId),
    ]);
    return teams.map((t) => ({ id: t.id, name: t.name, memberCount: counts.get(t.id) ?? 0 }));
  }

  /** One team of the organisation, or null. */
  async find(organizationId: string, id: string): Promise<{ id: string; name: string } | null> {
    const team = await this.repository.find(organizationId, id);
    return team ? { id: team.id, name: team.name } : null;
  }

  /** Which of `ids` are teams of the organisation. */
  existing(organizationId: string, ids: string[]): Promise<Set<string>> {
    return this.repository.existing(organizationId, ids);
  }

  async create(organizationId: string, dto: TeamInput): Promise<TeamDto> {
    try {
      const team = await this.repository.insert(organizationId, dto.name);
      return { id: team.id, name: team.name, memberCount: 0 };
    } catch (error) {
      throw isUniqueViolation(error, 'teams_org_name_unique') ? nameTaken() : error;
    }
  }

  async rename(organizationId: string, id: string, dto: TeamInput): Promise<TeamDto> {
    this.audit.before(await this.find(organizationId, id));
    try {
      if (!(await this.repository.rename(organizationId, id, dto.name))) {
        throw notFound('Team');
      }
    } catch (error) {
      throw isUniqueViolation(error, 'teams_org_name_unique') ? nameTaken() : error;
    }
    const team = (await this.list(organizationId)).find((t) => t.id === id);
    if (!team) {
      throw notFound('Team');
    }
    return team;
  }

  /** A team that still has members (active or not) cannot be deleted. */
  async remove(organizationId: string, id: string): Promise<void> {
    await this.transactions.run(async () => {
      const team = await this.repository.findForUpdate(organizationId, id);
      if (!team) {
        throw notFound('Team');
      }
      this.audit.before({ id: team.id, name: team.name });
      const count = await this.members.countInTeam(id);
      if (count > 0) {
        throw conflict(
          'team_has_members',
          `"${team.name}" still has ${count} member${count === 1 ? '' : 's'}. Move them to another team first.`,
          { name: team.name, count },
        );
      }
      await this.repository.remove(organizationId, id);
    });
  }
}
