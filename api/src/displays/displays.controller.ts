import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CreatedDisplayDto, DisplayDto, DisplayStateDto } from '@bravo/shared';
import { CurrentMember, Public, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { CreateDisplayDto } from './display.dto';
import type { DisplayLink } from './display.entity';
import { CurrentDisplay, DisplayGuard } from './display.guard';
import { DisplaysService } from './displays.service';

@ApiTags('displays')
@Controller()
export class DisplaysController {
  constructor(private readonly displays: DisplaysService) {}

  @RequireRole('manager')
  @Post('displays')
  create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateDisplayDto,
  ): Promise<CreatedDisplayDto> {
    return this.displays.create(me, dto);
  }

  @RequireRole('manager')
  @Get('displays')
  list(@CurrentMember() me: AuthMember): Promise<DisplayDto[]> {
    return this.displays.list(me);
  }

  @RequireRole('manager')
  @Delete('displays/:id')
  @HttpCode(204)
  revoke(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.displays.revoke(me, id);
  }

  /** For TV screens: `Authorization: Display <token>`; read-only. */
  @Public()
  @UseGuards(DisplayGuard)
  @Get('display/state')
  state(@CurrentDisplay() display: DisplayLink): Promise<DisplayStateDto> {
    return this.displays.state(display);
  }
}
