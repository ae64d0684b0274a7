import { Global, Module } from '@nestjs/common';
import { LivePool } from './live-pool';

@Global()
@Module({ providers: [LivePool], exports: [LivePool] })
export class LivePoolModule {}
