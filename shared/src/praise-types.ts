/** Customer-praise stories: what a customer said about the staff, pending until a manager approves. */
import type { MemberSummary } from './kudos-types.js';

export const PRAISE_CHANNELS = ['in_store', 'qr_code', 'email', 'phone', 'review_site'] as const;
export type PraiseChannel = (typeof PRAISE_CHANNELS)[number];

export type PraiseStatus = 'pending' | 'approved' | 'rejected';

export const PRAISE_LIMITS = {
  textMin: 3,
  textMax: 1000,
  customerNameMax: 40,
  contactMax: 200,
  /** Employees one story may name. */
  membersMax: 10,
  rejectReasonMax: 500,
  /** Stories one queue answers with. */
  listMax: 200,
  /** Same words for the same team within this many days: flagged as a near-duplicate. */
  duplicateDays: 30,
} as const;

export interface PraiseDto {
  id: string;
  teamId: string | null;
  teamName: string;
  /** The employees it names (none: the whole team). */
  members: MemberSummary[];
  text: string;
  rating: number | null;
  customerName: string | null;
  channel: PraiseChannel;
  status: PraiseStatus;
  /** The brand value the approving manager said it shows. */
  value: { id: string; name: string; emoji: string | null; color: string } | null;
  /** Points each named employee received (approved stories). */
  points: number;
  /** Who recorded it (null: a customer on the public page). */
  recordedBy: MemberSummary | null;
  createdAt: string;
  reviewedAt: string | null;
  rejectReason: string | null;
}

/** A story as its reviewing manager sees it: the contact (with consent) and a duplicate flag. */
export interface ReviewPraiseDto extends PraiseDto {
  contact: string | null;
  /** An earlier story of the team with the same words within 30 days. */
  duplicateOfId: string | null;
}

/** What the public praise page of a team shows a customer (first names only). */
export interface PublicPraisePageDto {
  organizationName: string;
  teamName: string;
  members: { id: string; firstName: string }[];
  /** Hand back as `startedAt`: a form sent back sooner than a person could write is dropped. */
  startedAt: number;
}

/**
 * An approved story as colleagues see it (feed, profiles, live): no contact details, and
 * the customer by first name only.
 */
export interface PraiseCardDto {
  id: string;
  teamId: string | null;
  teamName: string;
  /** The employees it names (none: the whole team). */
  members: MemberSummary[];
  text: string;
  rating: number | null;
  customerName: string | null;
  value: { id: string; name: string; emoji: string | null; color: string } | null;
  /** Points each named employee received. */
  points: number;
  approvedAt: string;
}
