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
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TeamDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { TeamInput } from './team.dto';
import { TeamsService } from './teams.service';
import { TeamResponse } from './team.response';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOkResponse({ type: [TeamResponse] })
  list(@CurrentMember() me: AuthMember): Promise<TeamDto[]> {
    return this.teams.list(me.organizationId);
  }

  @Audited('team.created')
  @RequireRole('admin')
  @Post()
  @ApiCreatedResponse({ type: TeamResponse })
  create(@CurrentMember() me: AuthMember, @Body() dto: TeamInput): Promise<TeamDto> {
    return this.teams.create(me.organizationId, dto);
  }

  @Audited('team.renamed')
  @RequireRole('admin')
  @Patch(':id')
  @ApiOkResponse({ type: TeamResponse })
  rename(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TeamInput,
  ): Promise<TeamDto> {
    return this.teams.rename(me.organizationId, id, dto);
  }

  @Audited('team.deleted')
  @RequireRole('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.teams.remove(me.organizationId, id);
  }
}
