import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import type { UploadDto, UploadPurpose } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { notFound } from '../common/domain-exception';
import { processImage } from './image-processing';
import { UploadStorage } from './upload-storage';
import { UploadThrottle } from './upload-throttle';
import type { Upload } from './upload.entity';
import { UploadsRepository } from './uploads.repository';

/** An upload's record, for the features that attach uploads (missions' evidence). */
export type UploadRecord = Pick<
  Upload,
  | 'id'
  | 'organizationId'
  | 'uploaderId'
  | 'purpose'
  | 'contentType'
  | 'byteSize'
  | 'width'
  | 'height'
  | 'createdAt'
>;

export function uploadDto(upload: UploadRecord): UploadDto {
  return {
    id: upload.id,
    contentType: upload.contentType,
    width: upload.width,
    height: upload.height,
    byteSize: upload.byteSize,
  };
}

/**
 * Stores images members upload: checked and re-encoded (`processImage`), the
 * file written first and the row inserted after; a failed insert removes the
 * file, so a refused upload leaves neither.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly storage: UploadStorage,
    private readonly throttle: UploadThrottle,
  ) {}

  /** Counts an attempt of `me` against the per-member limit (before the body is read). */
  admit(me: AuthMember): Promise<void> {
    return this.throttle.count(me.id);
  }

  async store(me: AuthMember, purpose: UploadPurpose, input: Buffer): Promise<UploadRecord> {
    const image = await processImage(input);
    const id = randomUUID();
    await this.storage.put(id, image.bytes);
    try {
      return await this.uploads.insert({
        id,
        organizationId: me.organizationId,
        uploaderId: me.id,
        purpose,
        contentType: image.contentType,
        byteSize: image.bytes.length,
        width: image.width,
        height: image.height,
      });
    } catch (error) {
      await this.storage.remove(id).catch((cause: unknown) => {
        this.logger.error(`could not remove the file of failed upload ${id}: ${String(cause)}`);
      });
      throw error;
    }
  }

  /** The upload `id` of the organisation, or null. */
  get(organizationId: string, id: string): Promise<UploadRecord | null> {
    return this.uploads.find(organizationId, id);
  }

  /** The upload `id` if `uploaderId` of the organisation uploaded it, or null. */
  ownedBy(organizationId: string, uploaderId: string, id: string): Promise<UploadRecord | null> {
    return this.uploads.findOwned(organizationId, uploaderId, id);
  }

  /** The upload and its file, for a member of its organisation; 404 otherwise. */
  async open(
    organizationId: string,
    id: string,
  ): Promise<{ upload: UploadRecord; stream: ReadStream; size: number }> {
    const upload = await this.uploads.find(organizationId, id);
    const file = upload ? await this.storage.open(upload.id) : null;
    if (!upload || !file) {
      throw notFound('Upload');
    }
    return { upload, ...file };
  }
}
