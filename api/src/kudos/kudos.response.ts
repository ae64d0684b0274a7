import { ApiProperty } from '@nestjs/swagger';
import type {
  CommentDto,
  KudosBoostDto,
  KudosDto,
  KudosPage,
  MemberSummary,
  ReactionCount,
} from '@bravo/shared';

/** Just enough of a member to show a name and an avatar. */
export class MemberSummaryResponse implements MemberSummary {
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
}

export class KudosBoostResponse implements KudosBoostDto {
  booster: MemberSummaryResponse;
  /** Extra points each recipient received from this boost. */
  points: number;
  createdAt: string;
}

export class ReactionCountResponse implements ReactionCount {
  emoji: string;
  count: number;
  /** Whether the caller is among those who reacted. */
  mine: boolean;
}

export class KudosValueResponse {
  id: string;
  name: string;
  hashtag: string;
  @ApiProperty({ type: String, nullable: true })
  emoji: string | null;
  color: string;
}

export class KudosResponse implements KudosDto {
  id: string;
  giver: MemberSummaryResponse;
  recipients: MemberSummaryResponse[];
  value: KudosValueResponse;
  message: string;
  /** Points each recipient received from the giver. */
  points: number;
  boosts: KudosBoostResponse[];
  reactions: ReactionCountResponse[];
  commentCount: number;
  createdAt: string;
  /** Until when the caller (the giver) may still withdraw it; null otherwise. */
  @ApiProperty({ type: String, nullable: true })
  withdrawableUntil: string | null;
}

export class KudosPageResponse implements KudosPage {
  items: KudosResponse[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CommentResponse implements CommentDto {
  id: string;
  author: MemberSummaryResponse;
  body: string;
  createdAt: string;
}
