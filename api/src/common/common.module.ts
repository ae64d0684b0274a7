import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { PublicLinks } from './public-links';

@Global()
@Module({})
export class CommonModule {
  /** Tests pass their own clock to move time; the app runs on the system clock. */
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: Clock, useValue: clock }, PublicLinks],
      exports: [Clock, PublicLinks],
    };
  }
}
