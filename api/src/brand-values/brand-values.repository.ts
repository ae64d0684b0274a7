import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';
import { BrandValue } from './brand-value.entity';

/** The only code touching `brand_values`. */
@Injectable()
export class BrandValuesRepository {
  constructor(private readonly db: Db) {}

  private get values() {
    return this.db.tx.getRepository(BrandValue);
  }

  list(organizationId: string): Promise<BrandValue[]> {
    return this.values.find({ where: { organizationId }, order: { archived: 'ASC', name: 'ASC' } });
  }

  find(organizationId: string, id: string): Promise<BrandValue | null> {
    return this.values.findOne({ where: { id, organizationId } });
  }

  /** Locked until the current transaction ends. */
  findForUpdate(organizationId: string, id: string): Promise<BrandValue | null> {
    return this.values.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  save(value: Omit<BrandValue, 'id' | 'createdAt'> & { id?: string }): Promise<BrandValue> {
    return this.values.save(value);
  }

  /**
   * Whether kudos carry the value. A read of kudos' table (no foreign key to rely on):
   * it belongs behind a kudos query once that feature offers one.
   */
  async usedByKudos(id: string): Promise<boolean> {
    const rows = await this.db.tx.query<{ used: number }[]>(
      `SELECT 1 AS used FROM kudos WHERE value_id = $1 LIMIT 1`,
      [id],
    );
    return rows.length > 0;
  }

  async archive(id: string): Promise<void> {
    await this.values.update({ id }, { archived: true });
  }

  async remove(id: string): Promise<void> {
    await this.values.delete({ id });
  }
}
