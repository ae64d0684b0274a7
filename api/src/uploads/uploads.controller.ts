import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { UPLOAD_CONTENT_TYPES, UPLOAD_LIMITS, type UploadDto } from '@bravo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { AcceptsMultipart, FILE_FIELD, readOneFile } from './multipart';
import { sendImage } from './upload-reply';
import { UploadResponse } from './upload.response';
import { uploadDto, UploadsService } from './uploads.service';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('uploads')
@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /**
   * Upload a photo (JPEG, PNG or WebP, at most 5 MB) as `multipart/form-data`
   * with one file field `file`. The type is read from the bytes; the image is
   * re-encoded without its metadata (EXIF, GPS) and at most 2048 px on its
   * longest side.
   */
  @Post('uploads')
  @AcceptsMultipart()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_FIELD],
      properties: { [FILE_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadResponse })
  async create(
    @CurrentMember() me: AuthMember,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadDto> {
    await this.uploads.admit(me);
    const bytes = await readOneFile(request, reply, UPLOAD_LIMITS.maxBytes);
    return uploadDto(await this.uploads.store(me, 'mission_evidence', bytes));
  }

  /** The stored image, for members of its organisation (the session cookie works for `<img>`). */
  @Get('uploads/:id')
  @ApiProduces(...UPLOAD_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'The image',
    content: Object.fromEntries(UPLOAD_CONTENT_TYPES.map((type) => [type, BINARY])),
  })
  async file(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendImage(reply, await this.uploads.open(me.organizationId, id));
  }
}
