import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamDto } from '@bravo/shared';
import { DataSource } from 'typeorm';
import { conflict, notFound } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import type { TeamInput } from './team.dto';
import { Team } from './team.entity';

const nameTaken = () => conflict('team_name_taken', 'A team with this name already exists.');

@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string): Promise<TeamDto[]> {
    const rows: { id: string; name: string; member_count: string }[] = await this.db.query(
      `SELECT t.id, t.name, count(m.id) FILTER (WHERE m.active) AS member_count
         FROM teams t LEFT JOIN members m ON m.team_id = t.id
        WHERE t.organization_id = $1
        GROUP BY t.id ORDER BY t.name`,
      [organizationId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.member_count) }));
  }

  async create(organizationId: string, dto: TeamInput): Promise<TeamDto> {
    try {
      const team = await this.db
        .getRepository(Team)
        .save({ organizationId, name: dto.name, nameKey: dto.name.toLowerCase() });
      return { id: team.id, name: team.name, memberCount: 0 };
    } catch (error) {
      throw isUniqueViolation(error, 'teams_org_name_unique') ? nameTaken() : error;
    }
  }

  async rename(organizationId: string, id: string, dto: TeamInput): Promise<TeamDto> {
    try {
      const result = await this.db
        .getRepository(Team)
        .update({ id, organizationId }, { name: dto.name, nameKey: dto.name.toLowerCase() });
      if (!result.affected) {
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
    await this.db.transaction(async (manager) => {
      const team = await manager.findOne(Team, {
        where: { id, organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!team) {
        throw notFound('Team');
      }
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM members WHERE team_id = $1`,
        [id],
      );
      if (count > 0) {
        throw conflict(
          'team_has_members',
          `"${team.name}" still has ${count} member${count === 1 ? '' : 's'}. Move them to another team first.`,
          { name: team.name, count },
        );
      }
      await manager.delete(Team, { id, organizationId });
    });
  }
}
