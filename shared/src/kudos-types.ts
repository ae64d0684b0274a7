import type { BrandValueDto } from './api-types.js';

/** Just enough of a member to show a name and an avatar. */
export interface MemberSummary {
  id: string;
  name: string;
  teamId: string | null;
}

export interface KudosBoostDto {
  booster: MemberSummary;
  /** Extra points each recipient received from this boost. */
  points: number;
  createdAt: string;
}

export interface ReactionCount {
  emoji: string;
  count: number;
  /** Whether the caller is among those who reacted. */
  mine: boolean;
}

export interface KudosDto {
  id: string;
  giver: MemberSummary;
  recipients: MemberSummary[];
  value: Pick<BrandValueDto, 'id' | 'name' | 'hashtag' | 'emoji' | 'color'>;
  message: string;
  /** Points each recipient received from the giver. */
  points: number;
  boosts: KudosBoostDto[];
  reactions: ReactionCount[];
  commentCount: number;
  createdAt: string;
  /** Until when the caller (the giver) may still withdraw it; null otherwise. */
  withdrawableUntil: string | null;
}

export interface KudosPage {
  items: KudosDto[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface CommentDto {
  id: string;
  author: MemberSummary;
  body: string;
  createdAt: string;
}

export interface AllowanceDto {
  total: number;
  spent: number;
  remaining: number;
  /** Start of the next month in the organisation's time zone. */
  resetsAt: string;
}

export interface CreateKudosRequest {
  recipientIds: string[];
  valueId: string;
  message: string;
  points: number;
}
