import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  BADGE_ICONS,
  type BadgeFeedCardDto,
  type BadgeIcon,
  type FeedPageDto,
} from '@bravo/shared';
import { KudosResponse, MemberSummaryResponse } from '../kudos/kudos.response';
import { PraiseCardResponse } from '../praise/praise.response';

export class BadgeFeedBadgeResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: BADGE_ICONS })
  icon: BadgeIcon;
  @ApiProperty({ type: String, nullable: true })
  imageId: string | null;
  description: string;
  @ApiProperty({ type: String, nullable: true })
  valueId: string | null;
}

export class BadgeFeedCardResponse implements BadgeFeedCardDto {
  /** `<badgeId>.<awardedAt in ms>`: one badge's awards of one run. */
  id: string;
  badge: BadgeFeedBadgeResponse;
  /** How many (of the feed's audience) earned it in this run. */
  count: number;
  /** Who, by name, when three or fewer did; otherwise empty. */
  members: MemberSummaryResponse[];
  awardedAt: string;
}

export class KudosFeedItemResponse {
  @ApiProperty({ enum: ['kudos'] })
  kind: 'kudos';
  kudos: KudosResponse;
}

export class BadgeFeedItemResponse {
  @ApiProperty({ enum: ['badge'] })
  kind: 'badge';
  award: BadgeFeedCardResponse;
}

export class PraiseFeedItemResponse {
  @ApiProperty({ enum: ['praise'] })
  kind: 'praise';
  praise: PraiseCardResponse;
}

@ApiExtraModels(KudosFeedItemResponse, BadgeFeedItemResponse, PraiseFeedItemResponse)
export class FeedPageResponse implements FeedPageDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(KudosFeedItemResponse) },
        { $ref: getSchemaPath(BadgeFeedItemResponse) },
        { $ref: getSchemaPath(PraiseFeedItemResponse) },
      ],
      discriminator: {
        propertyName: 'kind',
        mapping: {
          kudos: getSchemaPath(KudosFeedItemResponse),
          badge: getSchemaPath(BadgeFeedItemResponse),
          praise: getSchemaPath(PraiseFeedItemResponse),
        },
      },
    },
  })
  items: (KudosFeedItemResponse | BadgeFeedItemResponse | PraiseFeedItemResponse)[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
