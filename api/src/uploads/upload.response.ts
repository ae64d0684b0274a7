import { ApiProperty } from '@nestjs/swagger';
import { UPLOAD_CONTENT_TYPES, type UploadContentType, type UploadDto } from '@bravo/shared';

export class UploadResponse implements UploadDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** The type of the stored image (re-encoded: JPEG stays JPEG, PNG and WebP become WebP). */
  @ApiProperty({ enum: UPLOAD_CONTENT_TYPES, enumName: 'UploadContentType' })
  contentType: UploadContentType;
  /** Pixels, after EXIF orientation and scaling. */
  width: number;
  height: number;
  /** Bytes of the stored image. */
  byteSize: number;
}
