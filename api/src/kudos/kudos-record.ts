import type { MemberSummary } from '@bravo/shared';

/** A kudos as it was given, before anyone reacted: the fact `kudos.created` carries. */
export interface KudosRecord {
  id: string;
  giver: MemberSummary;
  recipients: MemberSummary[];
  value: { id: string; name: string; hashtag: string; emoji: string | null; color: string };
  message: string;
  /** Points each recipient received. */
  points: number;
  createdAt: Date;
}
