import { Injectable } from '@nestjs/common';
import { hashtagFrom, type BrandValueDto } from '@bravo/shared';
import { conflict, notFound } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import type { CreateBrandValueDto, UpdateBrandValueDto } from './brand-value.dto';
import type { BrandValue } from './brand-value.entity';
import { BrandValuesRepository } from './brand-values.repository';

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
  constructor(
    private readonly repository: BrandValuesRepository,
    private readonly transactions: Transactions,
  ) {}

  async list(organizationId: string): Promise<BrandValueDto[]> {
    const values = await this.repository.list(organizationId);
    return values.map(toBrandValueDto);
  }

  async create(organizationId: string, dto: CreateBrandValueDto): Promise<BrandValueDto> {
    try {
      const saved = await this.repository.save({
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

  /**
   * The values a new organisation starts with (signup), in the caller's transaction;
   * a hashtag left out is made from the name.
   */
  async createStarters(
    organizationId: string,
    values: ReadonlyArray<Omit<CreateBrandValueDto, 'hashtag'> & { hashtag?: string }>,
  ): Promise<BrandValueDto[]> {
    const created: BrandValueDto[] = [];
    for (const value of values) {
      created.push(
        await this.create(organizationId, {
          ...value,
          hashtag: value.hashtag || hashtagFrom(value.name),
        }),
      );
    }
    return created;
  }

  /** Whether `id` is an active (not archived) value of the organisation. */
  async isActive(organizationId: string, id: string): Promise<boolean> {
    const value = await this.repository.find(organizationId, id);
    return value !== null && !value.archived;
  }

  async update(
    organizationId: string,
    id: string,
    dto: UpdateBrandValueDto,
  ): Promise<BrandValueDto> {
    const value = await this.repository.find(organizationId, id);
    if (!value) {
      throw notFound('Brand value');
    }
    Object.assign(value, dto, dto.name !== undefined ? { nameKey: dto.name.toLowerCase() } : {});
    try {
      return toBrandValueDto(await this.repository.save(value));
    } catch (error) {
      throw isUniqueViolation(error, 'brand_values_org_name_unique') ? nameTaken() : error;
    }
  }

  /** Deletes an unused value; one that kudos already carry is archived instead (history stays intact). */
  async remove(organizationId: string, id: string): Promise<{ archived: boolean }> {
    return this.transactions.run(async () => {
      const value = await this.repository.findForUpdate(organizationId, id);
      if (!value) {
        throw notFound('Brand value');
      }
      if (await this.repository.usedByKudos(id)) {
        await this.repository.archive(id);
        return { archived: true };
      }
      await this.repository.remove(id);
      return { archived: false };
    });
  }
}
