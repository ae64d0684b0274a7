/** What an upload is for; missions' photo evidence is the first. */
export const UPLOAD_PURPOSES = ['mission_evidence'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** The image types Bravo stores (after re-encoding: JPEG or WebP). */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/webp'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/** Bounds on an uploaded image. */
export const UPLOAD_LIMITS: {
  readonly maxBytes: number;
  readonly maxInputPixels: number;
  readonly maxSide: number;
} = {
  /** Bytes of the file as sent (JPEG, PNG or WebP). */
  maxBytes: 5 * 1024 * 1024,
  /** Width × height of the decoded image: a small file that decodes this large is refused. */
  maxInputPixels: 40_000_000,
  /** The stored image's longest side; larger images are scaled down. */
  maxSide: 2048,
};

/** A stored image, as `POST /api/v1/uploads` answers. */
export interface UploadDto {
  id: string;
  contentType: UploadContentType;
  width: number;
  height: number;
  byteSize: number;
}
