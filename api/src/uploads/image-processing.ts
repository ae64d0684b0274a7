import sharp from 'sharp';
import { UPLOAD_LIMITS, type UploadContentType } from '@bravo/shared';
import { DomainException } from '../common/domain-exception';
import { sniffImageType } from './image-type';

/** An image ready to store: new bytes, no metadata. */
export interface ProcessedImage {
  bytes: Buffer;
  contentType: UploadContentType;
  width: number;
  height: number;
}

const JPEG_QUALITY = 82;
const WEBP_QUALITY = 82;

/**
 * Checks what the bytes are and re-encodes them: the type comes from the magic
 * numbers and must be what sharp decodes; EXIF orientation is applied, then the
 * image is written anew without EXIF, GPS, XMP or ICC data, its longest side at
 * most `UPLOAD_LIMITS.maxSide`. JPEG stays JPEG; PNG and WebP become WebP
 * (keeping transparency). A file that decodes to more than
 * `UPLOAD_LIMITS.maxInputPixels` is refused before its pixels are decoded.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const type = sniffImageType(input);
  if (!type) {
    throw new DomainException(
      'unsupported_media_type',
      'Only JPEG, PNG and WebP images can be uploaded.',
    );
  }
  const options = {
    limitInputPixels: UPLOAD_LIMITS.maxInputPixels,
    // A warning (a truncated JPEG, a broken chunk) is a refusal, not a half image.
    failOn: 'warning',
    // Animated WebP/PNG: the first frame only.
    pages: 1,
  } as const;
  let format: string | undefined;
  try {
    format = (await sharp(input, options).metadata()).format;
  } catch (error) {
    throw refusal(error);
  }
  if (format !== type) {
    throw unreadable();
  }
  try {
    const pipeline = sharp(input, options).rotate().resize({
      width: UPLOAD_LIMITS.maxSide,
      height: UPLOAD_LIMITS.maxSide,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encoded =
      type === 'jpeg'
        ? pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
        : pipeline.webp({ quality: WEBP_QUALITY });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType: type === 'jpeg' ? 'image/jpeg' : 'image/webp',
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    throw refusal(error);
  }
}

function refusal(error: unknown): DomainException {
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) {
    const megapixels = Math.floor(UPLOAD_LIMITS.maxInputPixels / 1_000_000);
    return new DomainException(
      'image_too_many_pixels',
      `The image has too many pixels (at most ${megapixels} megapixels).`,
      { params: { megapixels } },
    );
  }
  return unreadable();
}

function unreadable(): DomainException {
  return new DomainException(
    'image_unreadable',
    'The image could not be read: it is damaged or not what its first bytes say.',
  );
}
