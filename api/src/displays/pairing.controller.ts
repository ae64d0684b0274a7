import { Body, Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { DisplayDto, DisplayPairingStartDto, DisplayPairingStatusDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, Public, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { PairDisplayDto } from './display.dto';
import {
  DisplayPairingStartResponse,
  DisplayPairingStatusResponse,
  DisplayResponse,
} from './display.response';
import { notConnected } from './displays.service';
import { PairingService } from './pairing.service';

/** `Authorization: Pairing <secret>` → the secret. */
function pairingSecret(authorization: string | undefined): string | null {
  const secret = authorization?.startsWith('Pairing ') ? authorization.slice(8).trim() : '';
  return secret.length > 0 && secret.length <= 200 ? secret : null;
}

/** Pairing a TV by the code it shows (`/tv` without a link). */
@ApiTags('displays')
@Controller()
export class PairingController {
  constructor(private readonly pairing: PairingService) {}

  /** A TV asks for a code to show; rate-limited per address. */
  @Public()
  @Post('display-pairings')
  @HttpCode(201)
  @ApiCreatedResponse({ type: DisplayPairingStartResponse })
  start(@Req() request: FastifyRequest): Promise<DisplayPairingStartDto> {
    return this.pairing.start(request.clientAddress);
  }

  /** The waiting TV asks whether it was paired (`Authorization: Pairing <secret>`). */
  @Public()
  @Get('display-pairings/current')
  @ApiOkResponse({ type: DisplayPairingStatusResponse })
  status(@Headers('authorization') authorization?: string): Promise<DisplayPairingStatusDto> {
    const secret = pairingSecret(authorization);
    if (!secret) {
      throw notConnected();
    }
    return this.pairing.status(secret);
  }

  /** Claims a TV's code and makes it a screen with these settings. */
  @Audited('display.paired')
  @RequireRole('manager')
  @Post('displays/pair')
  @ApiCreatedResponse({ type: DisplayResponse })
  pair(
    @CurrentMember() me: AuthMember,
    @Body() dto: PairDisplayDto,
    @Req() request: FastifyRequest,
  ): Promise<DisplayDto> {
    return this.pairing.pair(me, dto, request.clientAddress);
  }
}
