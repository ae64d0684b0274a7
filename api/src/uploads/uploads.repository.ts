import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';
import { Upload } from './upload.entity';

/** The only code touching `uploads`; every read is scoped by the organisation. */
@Injectable()
export class UploadsRepository {
  constructor(private readonly db: Db) {}

  private get uploads() {
    return this.db.tx.getRepository(Upload);
  }

  async insert(fields: Omit<Upload, 'createdAt'>): Promise<Upload> {
    await this.uploads.insert(fields);
    return this.uploads.findOneOrFail({
      where: { id: fields.id, organizationId: fields.organizationId },
    });
  }

  find(organizationId: string, id: string): Promise<Upload | null> {
    return this.uploads.findOne({ where: { id, organizationId } });
  }

  findOwned(organizationId: string, uploaderId: string, id: string): Promise<Upload | null> {
    return this.uploads.findOne({ where: { id, organizationId, uploaderId } });
  }
}
