import { ApiProperty } from '@nestjs/swagger';
import {
  PRAISE_CHANNELS,
  type PraiseCardDto,
  type PraiseChannel,
  type PraiseDto,
  type PraiseStatus,
  type PublicPraisePageDto,
  type ReviewPraiseDto,
} from '@bravo/shared';
import { MemberSummaryResponse } from '../kudos/kudos.response';
import { MissionValueResponse } from '../missions/missions.response';

const STATUSES: PraiseStatus[] = ['pending', 'approved', 'rejected'];

export class PraiseResponse implements PraiseDto {
  id: string;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  teamName: string;
  @ApiProperty({ type: [MemberSummaryResponse] })
  members: MemberSummaryResponse[];
  /** The customer's words as typed: render as text. */
  text: string;
  @ApiProperty({ type: Number, nullable: true })
  rating: number | null;
  @ApiProperty({ type: String, nullable: true })
  customerName: string | null;
  @ApiProperty({ enum: PRAISE_CHANNELS })
  channel: PraiseChannel;
  @ApiProperty({ enum: STATUSES })
  status: PraiseStatus;
  @ApiProperty({ type: MissionValueResponse, nullable: true })
  value: MissionValueResponse | null;
  points: number;
  @ApiProperty({ type: MemberSummaryResponse, nullable: true })
  recordedBy: MemberSummaryResponse | null;
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  rejectReason: string | null;
}

/** An approved story as colleagues see it: no contact, the customer by first name only. */
export class PraiseCardResponse implements PraiseCardDto {
  id: string;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  teamName: string;
  /** The employees it names (none: the whole team). */
  @ApiProperty({ type: [MemberSummaryResponse] })
  members: MemberSummaryResponse[];
  /** The customer's words as typed: render as text. */
  text: string;
  @ApiProperty({ type: Number, nullable: true })
  rating: number | null;
  @ApiProperty({ type: String, nullable: true })
  customerName: string | null;
  @ApiProperty({ type: MissionValueResponse, nullable: true })
  value: MissionValueResponse | null;
  /** Points each named employee received. */
  points: number;
  approvedAt: string;
}

/** Approved stories, newest approval first; `nextCursor` (as `before`) continues them. */
export class PraiseCardPageResponse {
  @ApiProperty({ type: [PraiseCardResponse] })
  items: PraiseCardResponse[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ReviewPraiseResponse extends PraiseResponse implements ReviewPraiseDto {
  /** Only with the customer's consent, and only until the retention period ends. */
  @ApiProperty({ type: String, nullable: true })
  contact: string | null;
  @ApiProperty({ type: String, nullable: true })
  duplicateOfId: string | null;
}

export class PublicPraiseMemberResponse {
  id: string;
  firstName: string;
}

export class PublicPraisePageResponse implements PublicPraisePageDto {
  organizationName: string;
  teamName: string;
  @ApiProperty({ type: [PublicPraiseMemberResponse] })
  members: PublicPraiseMemberResponse[];
  /** Send back as `startedAt`. */
  startedAt: number;
}

/** The same answer whether a story was kept or dropped as a bot's. */
export class PraiseReceivedResponse {
  received: boolean;
}

export class PraisePageCodeResponse {
  /** The page is `/p/<code>`. */
  code: string;
  /** The page's absolute address for other devices (PUBLIC_URL, or the caller's origin). */
  url: string;
}
