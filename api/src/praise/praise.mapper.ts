import type { BrandValueDto, MemberSummary, PraiseDto, ReviewPraiseDto } from '@bravo/shared';
import type { Praise } from './praise.entity';

export interface PraiseLookups {
  members: Map<string, MemberSummary>;
  teams: Map<string, string>;
  values: Map<string, BrandValueDto>;
}

export function praiseDto(p: Praise, memberIds: string[], l: PraiseLookups): PraiseDto {
  const value = p.valueId ? l.values.get(p.valueId) : undefined;
  const summary = (id: string): MemberSummary =>
    l.members.get(id) ?? { id, name: '', teamId: null };
  return {
    id: p.id,
    teamId: p.teamId,
    teamName: p.teamId ? (l.teams.get(p.teamId) ?? '') : '',
    members: memberIds.map(summary),
    text: p.text,
    rating: p.rating,
    customerName: p.customerName,
    channel: p.channel,
    status: p.status,
    value: value
      ? { id: value.id, name: value.name, emoji: value.emoji, color: value.color }
      : null,
    points: p.points,
    recordedBy: p.recordedById ? summary(p.recordedById) : null,
    createdAt: p.createdAt.toISOString(),
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
    rejectReason: p.rejectReason,
  };
}

/** For the reviewing manager only: the contact the customer consented to leave. */
export function reviewPraiseDto(p: Praise, memberIds: string[], l: PraiseLookups): ReviewPraiseDto {
  return { ...praiseDto(p, memberIds, l), contact: p.contact, duplicateOfId: p.duplicateOfId };
}
