import { Module } from '@nestjs/common';
import { BadgesModule } from '../badges/badges.module';
import { KudosModule } from '../kudos/kudos.module';
import { PraiseModule } from '../praise/praise.module';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

/** Composes the home feed from the features that post to it; owns no table. */
@Module({
  imports: [KudosModule, BadgesModule, PraiseModule],
  controllers: [FeedController],
  providers: [FeedService],
})
export class FeedModule {}
