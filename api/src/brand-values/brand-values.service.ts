import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BrandValueDto } from '@bravo/shared';
import { DataSource } from 'typeorm';
import { conflict, notFound } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import type { CreateBrandValueDto, UpdateBrandValueDto } from './brand-value.dto';
import { BrandValue } from './brand-value.entity';

const DEFAULT_COLOR = '#b45309';

export function toBrandValueDto(v: BrandValue): BrandValueDto {
  return {
    id: v.id,
    name: v.name,
    hashtag: v.hashtag,
    description: v.description,
    emoji: v.emoji,
    color: v.color,
    archived: v.archived,
  };
}

const nameTaken = () =>
  conflict('value_name_taken', 'A brand value with this name already exists.');

@Injectable()
export class BrandValuesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string): Promise<BrandValueDto[]> {
    const values = await this.db
      .getRepository(BrandValue)
      .find({ where: { organizationId }, order: { archived: 'ASC', name: 'ASC' } });
    return values.map(toBrandValueDto);
  }

  async create(organizationId: string, dto: CreateBrandValueDto): Promise<BrandValueDto> {
    try {
      const saved = await this.db.getRepository(BrandValue).save({
        organizationId,
        name: dto.name,
        nameKey: dto.name.toLowerCase(),
        hashtag: dto.hashtag,
        description: dto.description ?? '',
        emoji: dto.emoji ?? null,
        color: dto.color ?? DEFAULT_COLOR,
        archived: false,
      });
      return toBrandValueDto(saved);
    } catch (error) {
      throw isUniqueViolation(error, 'brand_values_org_name_unique') ? nameTaken() : error;
    }
  }

  async update(
    organizationId: string,
    id: string,
    dto: UpdateBrandValueDto,
  ): Promise<BrandValueDto> {
    const repo = this.db.getRepository(BrandValue);
    const value = await repo.findOne({ where: { id, organizationId } });
    if (!value) {
      throw notFound('Brand value');
    }
    Object.assign(value, dto, dto.name !== undefined ? { nameKey: dto.name.toLowerCase() } : {});
    try {
      return toBrandValueDto(await repo.save(value));
    } catch (error) {
      throw isUniqueViolation(error, 'brand_values_org_name_unique') ? nameTaken() : error;
    }
  }

  /** Deletes an unused value; one that kudos already carry is archived instead (history stays intact). */
  async remove(organizationId: string, id: string): Promise<{ archived: boolean }> {
    return this.db.transaction(async (manager) => {
      const value = await manager.findOne(BrandValue, {
        where: { id, organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!value) {
        throw notFound('Brand value');
      }
      const [used] = await manager.query(`SELECT 1 FROM kudos WHERE value_id = $1 LIMIT 1`, [id]);
      if (used) {
        await manager.update(BrandValue, { id }, { archived: true });
        return { archived: true };
      }
      await manager.delete(BrandValue, { id });
      return { archived: false };
    });
  }
}
