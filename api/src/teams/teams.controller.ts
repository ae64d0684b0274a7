import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TeamDto } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { TeamInput } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list(@CurrentMember() me: AuthMember): Promise<TeamDto[]> {
    return this.teams.list(me.organizationId);
  }

  @RequireRole('admin')
  @Post()
  create(@CurrentMember() me: AuthMember, @Body() dto: TeamInput): Promise<TeamDto> {
    return this.teams.create(me.organizationId, dto);
  }

  @RequireRole('admin')
  @Patch(':id')
  rename(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TeamInput,
  ): Promise<TeamDto> {
    return this.teams.rename(me.organizationId, id, dto);
  }

  @RequireRole('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(me.organizationId, id);
  }
}
