import { ApiProperty } from '@nestjs/swagger';
import {
  BADGE_ICONS,
  BADGE_METRICS,
  BADGE_WINDOWS,
  type BadgeDto,
  type BadgeIcon,
  type BadgeMetric,
  type BadgePreviewDto,
  type BadgeProgressDto,
  type BadgeWindow,
  type EarnedBadgeDto,
  type MemberBadgesDto,
} from '@bravo/shared';

export class BadgeResponse implements BadgeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
  @ApiProperty({ enum: BADGE_ICONS, enumName: 'BadgeIcon' })
  icon: BadgeIcon;
  /** An uploaded image (`GET /api/v1/uploads/:id`) the badge wears instead of its icon. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  imageId: string | null;
  description: string;
  @ApiProperty({ minimum: 0 })
  bonusPoints: number;
  @ApiProperty({ enum: BADGE_METRICS, enumName: 'BadgeMetric' })
  metric: BadgeMetric;
  @ApiProperty({ minimum: 1 })
  threshold: number;
  @ApiProperty({ enum: BADGE_WINDOWS, enumName: 'BadgeWindow' })
  window: BadgeWindow;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  valueId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export class BadgePreviewMemberResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
}

export class BadgePreviewResponse implements BadgePreviewDto {
  /** Members who qualify now (in at least one window, for windowed rules). */
  count: number;
  /** The first 20 of them, by name. */
  @ApiProperty({ type: [BadgePreviewMemberResponse] })
  members: BadgePreviewMemberResponse[];
}

export class EarnedBadgeResponse implements EarnedBadgeDto {
  @ApiProperty({ format: 'uuid' })
  awardId: string;
  badge: BadgeResponse;
  /** The window the award is for (`1970-01-01` for all-time badges). */
  @ApiProperty({ format: 'date' })
  windowStart: string;
  awardedAt: string;
}

export class BadgeProgressResponse implements BadgeProgressDto {
  badge: BadgeResponse;
  /** The member's value in the current window (all time for all-time badges). */
  current: number;
  threshold: number;
  @ApiProperty({ format: 'date' })
  windowStart: string;
}

export class MemberBadgesResponse implements MemberBadgesDto {
  @ApiProperty({ type: [EarnedBadgeResponse] })
  earned: EarnedBadgeResponse[];
  /** Active badges not yet earned (in the current window, for windowed ones). */
  @ApiProperty({ type: [BadgeProgressResponse] })
  progress: BadgeProgressResponse[];
}
