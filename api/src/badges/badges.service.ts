import { Inject, Injectable } from '@nestjs/common';
import {
  LIMITS,
  VALUE_METRICS,
  windowsFor,
  type BadgeDto,
  type BadgePreviewDto,
  type BadgeProgressDto,
  type FieldError,
  type MemberBadgesDto,
} from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { BrandValuesService } from '../brand-values/brand-values.service';
import { Clock } from '../common/clock';
import { DomainException, notFound } from '../common/domain-exception';
import { Transactions } from '../database/transactions';
import { windowStartOf } from './badge-windows';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UploadsService } from '../uploads/uploads.service';
import { localDate } from '../points/periods';
import type { BadgeRuleBody, CreateBadgeDto, UpdateBadgeDto } from './badge.dto';
import type { Badge } from './badge.entity';
import { toBadgeDto } from './badge.mapper';
import { BadgeAwards } from './badge-awards.service';
import { BadgeMetrics } from './badge-metrics';
import { BadgesRepository } from './badges.repository';
import { starterBadges } from './starter-badges';

type Rule = Pick<Badge, 'metric' | 'threshold' | 'window' | 'valueId'>;

const RULE_FIELDS = ['metric', 'threshold', 'window', 'valueId'] as const;

/** The catalogue (admins), who earned what (everyone), and retroactive awards on rule changes. */
@Injectable()
export class BadgesService {
  constructor(
    private readonly repository: BadgesRepository,
    private readonly awards: BadgeAwards,
    private readonly metrics: BadgeMetrics,
    private readonly values: BrandValuesService,
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly uploads: UploadsService,
    private readonly transactions: Transactions,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The organisation's active badges. */
  async list(organizationId: string): Promise<BadgeDto[]> {
    return (await this.repository.list(organizationId, { activeOnly: true })).map(toBadgeDto);
  }

  async get(organizationId: string, id: string): Promise<BadgeDto> {
    return toBadgeDto(await this.found(organizationId, id));
  }

  /** A new badge, awarded at once to everyone who already qualifies (same transaction). */
  async create(caller: AuthMember, dto: CreateBadgeDto): Promise<BadgeDto> {
    const rule = ruleOf(dto);
    const imageId = dto.imageId ?? null;
    await this.check(caller.organizationId, rule, imageId);
    const badge = await this.transactions.run(async () => {
      const saved = await this.repository.insert({
        organizationId: caller.organizationId,
        name: dto.name,
        icon: dto.icon,
        imageId,
        description: dto.description ?? '',
        bonusPoints: dto.bonusPoints ?? 0,
        ...rule,
        active: true,
      });
      await this.awards.award(caller.organizationId, saved, { memberIds: null, windows: 'all' });
      return saved;
    });
    return toBadgeDto(badge);
  }

  /**
   * Edits a badge. A changed rule, or reactivation, awards everyone who now qualifies (awards
   * already made stay); anything else awards nothing.
   */
  async update(caller: AuthMember, id: string, dto: UpdateBadgeDto): Promise<BadgeDto> {
    const current = await this.found(caller.organizationId, id);
    const rule: Rule = {
      metric: dto.metric ?? current.metric,
      threshold: dto.threshold ?? current.threshold,
      window: dto.window ?? current.window,
      valueId: dto.valueId !== undefined ? dto.valueId : current.valueId,
    };
    // Only a new image is checked: one an admin set before stays valid.
    const newImage = dto.imageId !== undefined && dto.imageId !== current.imageId;
    await this.check(caller.organizationId, rule, newImage ? (dto.imageId ?? null) : null);
    const saved = await this.transactions.run(async () => {
      const badge = await this.repository.findForUpdate(caller.organizationId, id);
      if (!badge) {
        throw notFound('Badge');
      }
      const ruleChanged = RULE_FIELDS.some((f) => badge[f] !== rule[f]);
      const reactivated = dto.active === true && !badge.active;
      Object.assign(badge, {
        ...rule,
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.icon !== undefined && { icon: dto.icon }),
        ...(dto.imageId !== undefined && { imageId: dto.imageId }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.bonusPoints !== undefined && { bonusPoints: dto.bonusPoints }),
        ...(dto.active !== undefined && { active: dto.active }),
      });
      const result = await this.repository.save(badge);
      if (result.active && (ruleChanged || reactivated)) {
        await this.awards.award(caller.organizationId, result, { memberIds: null, windows: 'all' });
      }
      return result;
    });
    return toBadgeDto(saved);
  }

  /** No longer listed or awarded; awards already made stay. */
  async deactivate(caller: AuthMember, id: string): Promise<BadgeDto> {
    const saved = await this.transactions.run(async () => {
      const badge = await this.repository.findForUpdate(caller.organizationId, id);
      if (!badge) {
        throw notFound('Badge');
      }
      badge.active = false;
      return this.repository.save(badge);
    });
    return toBadgeDto(saved);
  }

  /** Who would earn the rule if it were created now (nothing is written). */
  async preview(caller: AuthMember, dto: BadgeRuleBody): Promise<BadgePreviewDto> {
    const rule = ruleOf(dto);
    await this.check(caller.organizationId, rule, null);
    const { members } = await this.awards.qualifying(caller.organizationId, rule, {
      memberIds: null,
      windows: 'all',
    });
    return {
      count: members.length,
      members: members.slice(0, LIMITS.badgePreviewNames).map((m) => ({ id: m.id, name: m.name })),
    };
  }

  /** A colleague's earned badges, and how far they are from the others (this window). */
  async ofMember(caller: AuthMember, memberId: string): Promise<MemberBadgesDto> {
    await this.members.get(caller.organizationId, memberId); // 404 for another organisation's
    const { timezone } = await this.organizations.context(caller.organizationId);
    const today = localDate(this.clock.now(), timezone);
    const earned = await this.repository.earned(caller.organizationId, memberId);
    const held = new Set(earned.map((e) => `${e.badge.id}/${e.window_start}`));
    const progress: BadgeProgressDto[] = [];
    for (const badge of await this.repository.list(caller.organizationId, { activeOnly: true })) {
      const windowStart = windowStartOf(badge.window, today);
      if (held.has(`${badge.id}/${windowStart}`) || !this.metrics.answers(badge.metric)) {
        continue;
      }
      const [row] = await this.metrics.counts({
        organizationId: caller.organizationId,
        metric: badge.metric,
        window: badge.window,
        valueId: badge.valueId,
        memberIds: [memberId],
        windows: 'current',
        today,
        atLeast: 1,
      });
      progress.push({
        badge: toBadgeDto(badge),
        current: row?.value ?? 0,
        threshold: badge.threshold,
        windowStart,
      });
    }
    return {
      earned: earned.map((e) => ({
        awardId: e.award_id,
        badge: toBadgeDto(e.badge),
        windowStart: e.window_start,
        awardedAt: e.awarded_at.toISOString(),
      })),
      progress,
    };
  }

  /** The upload `id` if it is the image of one of the organisation's badges (for screens), or 404. */
  async openImage(organizationId: string, uploadId: string): ReturnType<UploadsService['open']> {
    if (!(await this.repository.isImage(organizationId, uploadId))) {
      throw notFound('Upload');
    }
    return this.uploads.open(organizationId, uploadId);
  }

  /** The starter catalogue of a new organisation, in the caller's transaction (signup). */
  async createStarters(
    organizationId: string,
    values: readonly { id: string; name: string }[],
  ): Promise<void> {
    for (const badge of starterBadges(organizationId, values)) {
      await this.repository.insert(badge);
    }
  }

  private async isAdminUpload(organizationId: string, uploadId: string): Promise<boolean> {
    const upload = await this.uploads.get(organizationId, uploadId);
    if (!upload) {
      return false;
    }
    // The uploader exists: a member's uploads go with them.
    const uploader = await this.members.get(organizationId, upload.uploaderId);
    return uploader.role === 'admin' && uploader.active;
  }

  private async found(organizationId: string, id: string): Promise<Badge> {
    const badge = await this.repository.find(organizationId, id);
    if (!badge) {
      throw notFound('Badge');
    }
    return badge;
  }

  /**
   * The rule's fields agree with each other and with the organisation's data; a new image is an
   * upload of an admin of the organisation (never a member's mission photo, which screens would show).
   */
  private async check(organizationId: string, rule: Rule, imageId: string | null): Promise<void> {
    const errors: FieldError[] = [];
    if (imageId !== null && !(await this.isAdminUpload(organizationId, imageId))) {
      errors.push({ field: 'imageId', code: 'unknown_image', params: {} });
    }
    const metric = rule.metric;
    if (!this.metrics.answers(metric)) {
      errors.push({
        field: 'metric',
        code: 'invalid_choice',
        params: { allowed: this.metrics.answered.join(', ') },
      });
    }
    if (VALUE_METRICS.includes(metric)) {
      if (rule.valueId === null) {
        errors.push({ field: 'valueId', code: 'required', params: {} });
      } else if (!(await this.values.isActive(organizationId, rule.valueId))) {
        errors.push({ field: 'valueId', code: 'unknown_value', params: {} });
      }
    } else if (rule.valueId !== null) {
      errors.push({ field: 'valueId', code: 'value_not_for_metric', params: { metric } });
    }
    const windows = windowsFor(metric);
    if (!windows.includes(rule.window)) {
      errors.push({
        field: 'window',
        code: 'window_not_for_metric',
        params: { metric, allowed: windows.join(', ') },
      });
    }
    if (errors.length > 0) {
      throw new DomainException('validation_failed', 'The badge rule is not valid.', {
        details: errors,
      });
    }
  }
}

function ruleOf(dto: BadgeRuleBody): Rule {
  return {
    metric: dto.metric,
    threshold: dto.threshold,
    window: dto.window,
    valueId: dto.valueId ?? null,
  };
}
