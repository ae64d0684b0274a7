import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '../database/current-manager';
import { DisplayLink } from './display.entity';

/** The only code touching `display_links`. */
@Injectable()
export class DisplaysRepository {
  constructor(private readonly db: Db) {}

  private get displays() {
    return this.db.tx.getRepository(DisplayLink);
  }

  insert(fields: Omit<DisplayLink, 'id' | 'createdAt' | 'revokedAt'>): Promise<DisplayLink> {
    return this.displays.save({ ...fields, revokedAt: null });
  }

  listOpen(organizationId: string): Promise<DisplayLink[]> {
    return this.displays.find({
      where: { organizationId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  findOpen(organizationId: string, id: string): Promise<DisplayLink | null> {
    return this.displays.findOne({ where: { id, organizationId, revokedAt: IsNull() } });
  }

  findOpenByTokenHash(tokenHash: string): Promise<DisplayLink | null> {
    return this.displays.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  isOpen(id: string): Promise<boolean> {
    return this.displays.existsBy({ id, revokedAt: IsNull() });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.displays.update({ id }, { revokedAt: now });
  }
}
