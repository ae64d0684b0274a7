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
import type { BrandValueDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { CreateBrandValueDto, UpdateBrandValueDto } from './brand-value.dto';
import { BrandValuesService } from './brand-values.service';
import { BrandValueResponse } from './brand-value.response';

@ApiTags('values')
@Controller('values')
export class BrandValuesController {
  constructor(private readonly values: BrandValuesService) {}

  @Get()
  @ApiOkResponse({ type: [BrandValueResponse] })
  list(@CurrentMember() me: AuthMember): Promise<BrandValueDto[]> {
    return this.values.list(me.organizationId);
  }

  @Audited('value.created')
  @RequireRole('admin')
  @Post()
  @ApiCreatedResponse({ type: BrandValueResponse })
  create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateBrandValueDto,
  ): Promise<BrandValueDto> {
    return this.values.create(me.organizationId, dto);
  }

  @Audited('value.updated')
  @RequireRole('admin')
  @Patch(':id')
  @ApiOkResponse({ type: BrandValueResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBrandValueDto,
  ): Promise<BrandValueDto> {
    return this.values.update(me.organizationId, id, dto);
  }

  @Audited('value.deleted')
  @RequireRole('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.values.remove(me.organizationId, id);
  }
}
