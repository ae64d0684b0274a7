import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { PublicPraisePageDto } from '@bravo/shared';
import { Public } from '../auth/auth.decorators';
import { PublicPraiseInput } from './praise.dto';
import { PraiseReceivedResponse, PublicPraisePageResponse } from './praise.response';
import { PublicPraiseService } from './public-praise.service';

/** A team's praise page for customers: no account, first names only, rate-limited. */
@ApiTags('praise')
@Controller('public/praise-pages')
export class PublicPraiseController {
  constructor(private readonly pages: PublicPraiseService) {}

  @Public()
  @Get(':code')
  @ApiOkResponse({ type: PublicPraisePageResponse })
  page(@Param('code') code: string): Promise<PublicPraisePageDto> {
    return this.pages.page(code);
  }

  /** 202 whether it is kept or dropped as a bot's: nothing public until a manager approves it. */
  @Public()
  @Post(':code')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PraiseReceivedResponse })
  async submit(
    @Param('code') code: string,
    @Body() input: PublicPraiseInput,
    @Req() request: FastifyRequest,
  ): Promise<PraiseReceivedResponse> {
    await this.pages.submit(code, input, request.clientAddress);
    return { received: true };
  }
}
