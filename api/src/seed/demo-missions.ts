import type { EntityManager } from 'typeorm';
import { kudosMetricCounts } from '../kudos/kudos-metrics.queries';
import { Mission, MissionSubmission, type StoredQuestion } from '../missions/mission.entity';
import { monthOf } from '../missions/mission-rules';
import { addDays, localDate } from '../points/periods';
import { recordLedger, type LedgerLine } from '../points/points.repository';

interface Person {
  id: string;
  teamId: string | null;
  role: string;
}

const WINTER_MENU: StoredQuestion[] = [
  {
    text: 'Which drink is new on the winter menu?',
    options: ['Gingerbread flat white', 'Iced mocha', 'Lemon tonic'],
    correct: [0],
  },
  {
    text: 'Which winter items are vegan? Tick every one.',
    options: ['Spiced oat latte', 'Cheese and leek toastie', 'Clementine loaf'],
    correct: [0, 2],
  },
  {
    text: 'What do we offer a guest who brings their own cup?',
    options: ['Nothing: it slows the queue', '20p off any drink', 'A free pastry'],
    correct: [1],
  },
  {
    text: 'Where do our winter beans come from?',
    options: [
      'A blend from three auctions',
      'One cooperative in Huila, Colombia',
      'Our roaster picks weekly',
    ],
    correct: [1],
  },
];

/**
 * This month's missions for the demo: one of each kind, some already done, some waiting in
 * the Harbour Street manager's queue, the points through the ledger as live completions move them.
 */
export async function seedDemoMissions(
  manager: EntityManager,
  org: { id: string; timezone: string },
  people: Person[],
  teams: { id: string }[],
  values: { warmWelcome: string; craft: string; greenPlanet: string },
  now: Date,
): Promise<void> {
  const today = localDate(now, org.timezone);
  const month = monthOf(today);
  const admin = people.find((p) => p.role === 'admin');
  const harbour = teams[0].id;
  const harbourManager = people.find((p) => p.role === 'manager' && p.teamId === harbour);
  // Old Town's own goal this month: a tracked one (teams[1], or the first store in a smaller demo).
  const oldTown = (teams[1] ?? teams[0]).id;
  const oldTownManager = people.find((p) => p.role === 'manager' && p.teamId === oldTown);
  if (!admin || !harbourManager) {
    return;
  }
  const published = new Date(Math.min(now.getTime(), Date.parse(`${month.startsOn}T08:00:00Z`)));
  const base = {
    organizationId: org.id,
    ...month,
    publishedAt: published,
    closedAt: null,
    createdAt: published,
  };
  const [quiz, window, cups, welcomes] = await manager.save([
    manager.create(Mission, {
      ...base,
      createdById: admin.id,
      title: 'Learn the winter menu',
      description:
        'Four questions on the new drinks and bakes, so you can recommend them to every guest.',
      valueId: values.craft,
      points: 30,
      teamIds: [],
      maxCompletions: 1,
      kind: 'quiz',
      evidence: null,
      questions: WINTER_MENU,
      passMark: 75,
      maxAttempts: 2,
    }),
    manager.create(Mission, {
      ...base,
      createdById: harbourManager.id,
      title: 'Dress the window for winter',
      description: 'Tell us what you changed in the window, and how guests reacted.',
      valueId: values.warmWelcome,
      points: 20,
      teamIds: [harbour],
      maxCompletions: 1,
      kind: 'evidence',
      evidence: 'text',
      targetCompletions: 5,
      targetBonus: 10,
    }),
    manager.create(Mission, {
      ...base,
      createdById: admin.id,
      title: 'A week of reusable cups',
      description: 'Offer a reusable cup to every takeaway guest for a whole shift.',
      valueId: values.greenPlanet,
      points: 10,
      teamIds: [],
      maxCompletions: 2,
      kind: 'evidence',
      evidence: 'none',
    }),
    manager.create(Mission, {
      ...base,
      createdById: oldTownManager?.id ?? admin.id,
      title: 'Five warm welcomes',
      description: 'Thank five colleagues this month for a #WarmWelcome you saw them give.',
      valueId: values.warmWelcome,
      points: 15,
      teamIds: [oldTown],
      maxCompletions: 1,
      kind: 'tracked',
      evidence: null,
      trackedMetric: 'kudos_given_for_value',
      trackedThreshold: 5,
    }),
  ]);

  const staff = people.filter((p) => p.role === 'employee');
  const harbourStaff = staff.filter((p) => p.teamId === harbour);
  // Earlier this month, at most today.
  const day = (n: number) => {
    const date = addDays(month.startsOn, n);
    return date > today ? today : date;
  };
  const completions: { mission: Mission; person: Person; on: string; score?: number }[] = [
    ...staff
      .slice(0, 6)
      .map((person, i) => ({ mission: quiz, person, on: day(i), score: i % 2 ? 100 : 75 })),
    ...harbourStaff.slice(0, 2).map((person, i) => ({ mission: window, person, on: day(2 + i) })),
    ...staff
      .filter((_, i) => i % 3 === 0)
      .map((person, i) => ({ mission: cups, person, on: day(i) })),
  ];
  // The tracked one completed itself for whoever's kudos this month already reach it.
  const reached = await kudosMetricCounts(manager, {
    organizationId: org.id,
    metric: 'kudos_given_for_value',
    window: 'all_time',
    valueId: values.warmWelcome,
    memberIds: null,
    windows: 'current',
    today,
    atLeast: 5,
    span: { from: month.startsOn, to: month.endsOn },
  });
  for (const { memberId } of reached) {
    const person = people.find((p) => p.id === memberId);
    if (person && person.teamId === oldTown) {
      completions.push({ mission: welcomes, person, on: today });
    }
  }
  for (const { mission, person, on, score } of completions) {
    const at = new Date(Math.min(now.getTime(), Date.parse(`${on}T15:00:00Z`)));
    const submission = await manager.save(
      manager.create(MissionSubmission, {
        organizationId: org.id,
        missionId: mission.id,
        memberId: person.id,
        teamId: person.teamId,
        status: 'approved',
        text:
          mission.evidence === 'text'
            ? 'Pine branches, the new mugs up front and a chalk snowman.'
            : null,
        score: score ?? null,
        completedOn: on,
        reviewerId: mission.evidence === 'text' ? harbourManager.id : null,
        reviewedAt: mission.evidence === 'text' ? at : null,
        createdAt: at,
      }),
    );
    const line: LedgerLine = {
      memberId: person.id,
      account: 'earned',
      amount: mission.points,
      teamId: person.teamId,
      occurredOn: on,
      sourceType: 'mission',
      sourceId: submission.id,
    };
    await recordLedger(manager, org.id, [line], at);
  }
  // Two window stories wait for Omar's review.
  const waiting = [
    'Fairy lights round the pastry case; two guests took photos of it.',
    'Moved the gift boxes to the front and wrote the prices in big letters.',
  ];
  await manager.save(
    harbourStaff.slice(2, 4).map((person, i) =>
      manager.create(MissionSubmission, {
        organizationId: org.id,
        missionId: window.id,
        memberId: person.id,
        teamId: person.teamId,
        status: 'pending',
        text: waiting[i],
        createdAt: new Date(now.getTime() - (i + 1) * 3_600_000),
      }),
    ),
  );
}
