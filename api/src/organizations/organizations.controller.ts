import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganizationDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { UpdateOrganizationDto } from './organization.dto';
import { OrganizationsService } from './organizations.service';
import { OrganizationResponse } from './organization.response';

@ApiTags('organization')
@Controller('organization')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOkResponse({ type: OrganizationResponse })
  get(@CurrentMember() me: AuthMember): Promise<OrganizationDto> {
    return this.organizations.get(me.organizationId);
  }

  @Audited('organization.updated')
  @RequireRole('admin')
  @Patch()
  @ApiOkResponse({ type: OrganizationResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.update(me.organizationId, dto);
  }
}
