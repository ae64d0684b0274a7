import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandValue } from './brand-value.entity';
import { BrandValuesController } from './brand-values.controller';
import { BrandValuesRepository } from './brand-values.repository';
import { BrandValuesService } from './brand-values.service';

@Module({
  imports: [TypeOrmModule.forFeature([BrandValue])],
  controllers: [BrandValuesController],
  providers: [BrandValuesService, BrandValuesRepository],
  exports: [BrandValuesService],
})
export class BrandValuesModule {}
