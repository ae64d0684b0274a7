import type { EntityManager } from 'typeorm';
import { DEFAULT_POINT_RULES, type PraiseChannel } from '@bravo/shared';
import { recordLedger } from '../points/points.repository';
import { localDate } from '../points/periods';
import { fingerprintOf } from '../praise/praise-rules';
import { Praise, PraiseMember } from '../praise/praise.entity';

interface Person {
  id: string;
  teamId: string | null;
  role: string;
}

interface Story {
  /** Indexes into the people, or none for the whole team. */
  staff: number[];
  team: number;
  text: string;
  rating: number | null;
  customerName: string | null;
  channel: PraiseChannel;
  daysAgo: number;
  /** The hashtag of the value its manager chose; absent: still waiting for review. */
  value?: string;
}

// DEMO_PEOPLE's order: 4 Lena, 5 Yusuf (Harbour Street), 11 Priya (Old Town), 17 Zara, 18 Lucas (Riverside).
const STORIES: Story[] = [
  {
    staff: [4],
    team: 0,
    text: 'Lena remembered my order from last week and had it ready before I reached the counter. Made my morning!',
    rating: 5,
    customerName: 'Maria',
    channel: 'qr_code',
    daysAgo: 2,
    value: 'WarmWelcome',
  },
  {
    staff: [11],
    team: 1,
    text: 'Priya took the time to explain the single-origin beans. I left with a new favourite.',
    rating: 5,
    customerName: 'James',
    channel: 'in_store',
    daysAgo: 4,
    value: 'CraftInEveryCup',
  },
  {
    staff: [17, 18],
    team: 2,
    text: 'A whole school group at once and they still got every drink right, smiling all the way.',
    rating: 4,
    customerName: null,
    channel: 'review_site',
    daysAgo: 6,
    value: 'BetterTogether',
  },
  {
    staff: [5],
    team: 0,
    text: 'Yusuf found the scarf I had left behind and kept it safe until I came back. Thank you!',
    rating: 5,
    customerName: 'Ana',
    channel: 'qr_code',
    daysAgo: 1,
  },
  {
    staff: [],
    team: 0,
    text: 'Such a cosy spot, and the winter window is beautiful.',
    rating: 5,
    customerName: null,
    channel: 'qr_code',
    daysAgo: 0,
  },
];

/**
 * Customer stories for the demo: three approved (in the feed, on profiles and on the screens,
 * their points paid from the company through the ledger) and two waiting in Omar's queue.
 */
export async function seedDemoPraise(
  manager: EntityManager,
  org: { id: string; timezone: string },
  people: Person[],
  teams: { id: string }[],
  valueIdOf: (hashtag: string) => string,
  now: Date,
): Promise<void> {
  const points = DEFAULT_POINT_RULES.praisePoints;
  for (const story of STORIES) {
    const team = teams[story.team];
    const staff = story.staff.map((i) => people[i]).filter((p): p is Person => p !== undefined);
    const reviewer = people.find((p) => p.role === 'manager' && p.teamId === team?.id);
    if (!team || staff.length !== story.staff.length || !reviewer) {
      continue; // a smaller demo
    }
    const at = new Date(now.getTime() - story.daysAgo * 86_400_000 - 3 * 3_600_000);
    const approved = story.value !== undefined;
    const on = localDate(at, org.timezone);
    const praise = await manager.save(
      manager.create(Praise, {
        organizationId: org.id,
        teamId: team.id,
        status: approved ? 'approved' : 'pending',
        text: story.text,
        fingerprint: fingerprintOf(story.text),
        rating: story.rating,
        customerName: story.customerName,
        contact: null,
        channel: story.channel,
        recordedById: null,
        duplicateOfId: null,
        valueId: approved ? valueIdOf(story.value!) : null,
        points: approved ? points : 0,
        approvedOn: approved ? on : null,
        reviewerId: approved ? reviewer.id : null,
        reviewedAt: approved ? at : null,
        rejectReason: null,
        createdAt: new Date(at.getTime() - 3_600_000),
      }),
    );
    if (staff.length > 0) {
      await manager.insert(
        PraiseMember,
        staff.map((p) => ({ praiseId: praise.id, memberId: p.id, organizationId: org.id })),
      );
    }
    if (approved && staff.length > 0) {
      await recordLedger(
        manager,
        org.id,
        staff.map((p) => ({
          memberId: p.id,
          account: 'earned' as const,
          amount: points,
          teamId: p.teamId,
          occurredOn: on,
          sourceType: 'praise' as const,
          sourceId: praise.id,
        })),
        at,
      );
    }
  }
}
