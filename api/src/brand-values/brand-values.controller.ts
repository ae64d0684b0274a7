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
import type { BrandValueDto } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { CreateBrandValueDto, UpdateBrandValueDto } from './brand-value.dto';
import { BrandValuesService } from './brand-values.service';

@ApiTags('values')
@Controller('values')
export class BrandValuesController {
  constructor(private readonly values: BrandValuesService) {}

  @Get()
  list(@CurrentMember() me: AuthMember): Promise<BrandValueDto[]> {
    return this.values.list(me.organizationId);
  }

  @RequireRole('admin')
  @Post()
  create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateBrandValueDto,
  ): Promise<BrandValueDto> {
    return this.values.create(me.organizationId, dto);
  }

  @RequireRole('admin')
  @Patch(':id')
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBrandValueDto,
  ): Promise<BrandValueDto> {
    return this.values.update(me.organizationId, id, dto);
  }

  @RequireRole('admin')
  @Delete(':id')
  @HttpCode(204)
  async remove(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.values.remove(me.organizationId, id);
  }
}
