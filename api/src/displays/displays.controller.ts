import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  ParseUUIDPipe,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  UPLOAD_CONTENT_TYPES,
  type CreatedDisplayDto,
  type DisplayDto,
  type DisplayStateDto,
} from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { BadgesService } from '../badges/badges.service';
import { sendImage } from '../uploads/upload-reply';
import { finishAfterCommit, type FinishAfterCommit } from '../audit/finish-after-commit';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, Public, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { WebOrigin } from '../common/web-origin.decorator';
import { CreateDisplayDto, UpdateDisplayDto } from './display.dto';
import type { DisplayLink } from './display.entity';
import { CurrentDisplay, DisplayGuard } from './display.guard';
import { DisplaysService } from './displays.service';

type OpenedLink = Awaited<ReturnType<DisplaysService['openLink']>>;
import { CreatedDisplayResponse, DisplayResponse, DisplayStateResponse } from './display.response';

@ApiTags('displays')
@Controller()
export class DisplaysController {
  constructor(
    private readonly displays: DisplaysService,
    private readonly badges: BadgesService,
  ) {}

  @Audited('display.created')
  @RequireRole('manager')
  @Post('displays')
  @ApiCreatedResponse({ type: CreatedDisplayResponse })
  async create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateDisplayDto,
    @WebOrigin() origin: string | undefined,
  ): Promise<FinishAfterCommit<OpenedLink, CreatedDisplayDto>> {
    // The QR images are drawn after the audited transaction commits (CPU work, no database).
    const link = await this.displays.openLink(me, dto, origin);
    return finishAfterCommit(link, (l) => this.displays.withQrCodes(l));
  }

  @RequireRole('manager')
  @Get('displays')
  @ApiOkResponse({ type: [DisplayResponse] })
  list(@CurrentMember() me: AuthMember): Promise<DisplayDto[]> {
    return this.displays.list(me);
  }

  @Audited('display.updated')
  @RequireRole('manager')
  @Patch('displays/:id')
  @ApiOkResponse({ type: DisplayResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDisplayDto,
  ): Promise<DisplayDto> {
    return this.displays.update(me, id, dto);
  }

  @Audited('display.revoked')
  @RequireRole('manager')
  @Delete('displays/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.displays.revoke(me, id);
  }

  /** For TV screens: `Authorization: Display <token>`; read-only. */
  @Public()
  @UseGuards(DisplayGuard)
  @Get('display/state')
  @ApiOkResponse({ type: DisplayStateResponse })
  state(@CurrentDisplay() display: DisplayLink): Promise<DisplayStateDto> {
    return this.displays.state(display);
  }

  /** For TV screens: the image a badge of the screen's organisation wears (no other upload). */
  @Public()
  @UseGuards(DisplayGuard)
  @Get('display/badge-images/:id')
  @ApiProduces(...UPLOAD_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'The image',
    content: Object.fromEntries(
      UPLOAD_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async badgeImage(
    @CurrentDisplay() display: DisplayLink,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendImage(reply, await this.badges.openImage(display.organizationId, id));
  }
}
