import { Module } from '@nestjs/common';
import { BrandValuesController } from './brand-values.controller';
import { BrandValuesService } from './brand-values.service';

@Module({
  controllers: [BrandValuesController],
  providers: [BrandValuesService],
  exports: [BrandValuesService],
})
export class BrandValuesModule {}
