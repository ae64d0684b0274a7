import multipart, { type MultipartFile } from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, invalid } from '../common/domain-exception';

/** The field that carries the file. */
export const FILE_FIELD = 'file';

/** Marks the one kind of route that reads a multipart body; everywhere else it is a 415. */
export const AcceptsMultipart = () => RouteConfig({ acceptsMultipart: true });

/**
 * Multipart bodies, for upload routes only. The plugin's parser reads nothing
 * itself: the route reads the parts after the guard let it run, through
 * `readOneFile`. Any other route answers a multipart body with 415, as it does
 * any non-JSON body (a form post is what a cross-site page can send without a
 * preflight).
 */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, {
    // readOneFile watches the limit itself, and stops at once.
    throwFileSizeLimit: false,
    limits: { parts: 1, files: 1, fields: 0, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, _reply, done) => {
      const config = request.routeOptions.config as { acceptsMultipart?: boolean } | undefined;
      if (request.isMultipart() && config?.acceptsMultipart !== true) {
        done(
          new DomainException(
            'unsupported_media_type',
            'The API accepts only application/json request bodies.',
          ),
        );
        return;
      }
      done();
    });
}

/**
 * The one file of a multipart body, in field `file`, at most `maxBytes`: a
 * larger file stops being read at the limit (what came is dropped) and the
 * connection is closed after the 413, so the rest is never read. Another part
 * (a second file, a text field) or no file is a 400.
 */
export async function readOneFile(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new DomainException(
      'unsupported_media_type',
      'Send the image as multipart/form-data, in the field "file".',
    );
  }
  let bytes: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type !== 'file' || part.fieldname !== FILE_FIELD) {
        if (part.type === 'file') {
          part.file.resume();
        }
        throw invalid(
          part.fieldname,
          'unknown_field',
          `Only the field "${FILE_FIELD}" is accepted.`,
        );
      }
      bytes = await readBounded(part.file);
    }
  } catch (error) {
    throw refusal(error, reply, maxBytes);
  }
  if (!bytes) {
    throw invalid(FILE_FIELD, 'required', `Send one image in the field "${FILE_FIELD}".`);
  }
  return bytes;
}

/**
 * The file's bytes; at busboy's `fileSize` limit it is refused at once (the
 * stream destroyed, so busboy stops and the request is no longer read) rather
 * than after the rest of the body went by.
 */
function readBounded(file: MultipartFile['file']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const tooLarge = () => {
      chunks.length = 0;
      file.destroy();
      reject(new TooLarge());
    };
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.once('limit', tooLarge);
    file.once('end', () => (file.truncated ? tooLarge() : resolve(Buffer.concat(chunks))));
    file.once('error', reject);
  });
}

class TooLarge extends Error {
  readonly code = 'FST_REQ_FILE_TOO_LARGE';
}

function refusal(error: unknown, reply: FastifyReply, maxBytes: number): unknown {
  switch ((error as { code?: unknown }).code) {
    case 'FST_REQ_FILE_TOO_LARGE': {
      // Whatever the client still sends is not read: the socket closes after the answer.
      void reply.header('connection', 'close');
      const megabytes = Math.floor(maxBytes / (1024 * 1024));
      return new DomainException('payload_too_large', `The image is larger than ${megabytes} MB.`, {
        params: { megabytes },
      });
    }
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return invalid(
        FILE_FIELD,
        'too_many',
        `Send exactly one image, in the field "${FILE_FIELD}".`,
        {
          max: 1,
        },
      );
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return new DomainException('validation_failed', 'The multipart body is not valid.');
    default:
      if (error instanceof DomainException) {
        return error;
      }
      // Busboy's own refusals (a malformed body, no boundary) are the client's.
      if (error instanceof Error && !('statusCode' in error)) {
        return new DomainException('validation_failed', 'The multipart body is not valid.');
      }
      return error;
  }
}
