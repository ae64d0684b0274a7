import type { ReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { UploadRecord } from './uploads.service';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp' };
/** A browser may keep an image an hour; it is never shared with other users' caches. */
const CACHE_CONTROL = 'private, max-age=3600';

/** A stored image as the answer: inline, never sniffed, sandboxed, cached only by the browser. */
export function sendImage(
  reply: FastifyReply,
  file: { upload: UploadRecord; stream: ReadStream; size: number },
): FastifyReply {
  const { upload, stream, size } = file;
  const extension = EXTENSIONS[upload.contentType] ?? 'bin';
  return reply
    .header('content-type', upload.contentType)
    .header('content-length', String(size))
    .header('content-disposition', `inline; filename="${upload.id}.${extension}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', CACHE_CONTROL)
    .send(stream);
}
