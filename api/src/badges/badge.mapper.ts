import type { BadgeDto } from '@bravo/shared';
import type { Badge } from './badge.entity';

export function toBadgeDto(b: Badge): BadgeDto {
  return {
    id: b.id,
    name: b.name,
    icon: b.icon,
    imageId: b.imageId,
    description: b.description,
    bonusPoints: b.bonusPoints,
    metric: b.metric,
    threshold: b.threshold,
    window: b.window,
    valueId: b.valueId,
    active: b.active,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}
