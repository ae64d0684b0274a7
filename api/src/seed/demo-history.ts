import { DEFAULT_POINT_RULES, type Role } from '@bravo/shared';
import type { EntityManager } from 'typeorm';
import { addDays, localDate, monthStart, startOfLocalDay } from '../points/periods';
import { monthlyAllowance } from '../points/monthly-allowance';
import { recordLedger, type LedgerLine } from '../points/points.repository';

/** What a colleague did: with a closing, every demo kudos reads differently. */
const DEEDS = [
  'Remembered a regular’s order before she even sat down',
  'Stayed late to deep-clean the espresso machine for the morning shift',
  'Turned a complaint about a cold latte into a five-star review',
  'Taught the new starter latte art on a busy Saturday',
  'Spotted we were low on oat milk and sorted a delivery in time',
  'Switched the counter to reusable cups and explained it to every guest',
  'Covered my shift at no notice when my kid was sick',
  'Made the tasting evening feel like a party',
  'Fixed the grinder settings after the new beans arrived',
  'Welcomed a nervous first-time customer and walked them through the menu',
  'Organised the storeroom so we can finally find everything',
  'Brought homemade cookies for the team on a rainy Monday',
  'Kept the queue moving and smiling through the lunch rush',
  'Found a lost wallet under a table and tracked down its owner',
  'Rewrote the specials board so it is readable from the door',
  'Calmed a crying toddler so the parents could order in peace',
  'Noticed the fridge was warming up and saved the milk delivery',
  'Trained two new colleagues on the till in one afternoon',
  'Suggested the pumpkin bread that sold out by noon',
  'Handled a catering order for forty people without a single mistake',
  'Swapped shifts so I could make my exam',
  'Cleaned up after the storm flooded the entrance',
  'Learned every regular’s name in her first week',
  'Set up the new card reader and showed everyone how it works',
];
const CLOSINGS = [
  'Thank you!',
  'You made our day.',
  'The guests noticed, and so did we.',
  'That is what this team is about.',
  'Huge thanks from all of us.',
  'You are a star.',
  'We could not have done it without you.',
  'Legend.',
  'The morning crew owes you one.',
  'Bravo!',
  'Seriously impressive.',
  'More of this, please.',
  'Our customers loved it.',
  'So grateful.',
  'Above and beyond, again.',
  'Coffee is on me next time.',
  'This is why people come back.',
  'Thanks for having our backs.',
];
const EMOJIS = ['👏', '🎉', '❤️', '🙌', '☕'];

/** A small deterministic PRNG, so every fresh demo looks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `list` in a deterministic random order (Fisher–Yates). */
function shuffled<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

interface Person {
  id: string;
  teamId: string | null;
  role: Role;
}

/**
 * Two months of kudos, reactions and comments up to `now`, written through the
 * same ledger as live kudos and within the rules (allowance, 40% cap).
 */
export async function seedDemoHistory(
  manager: EntityManager,
  org: { id: string; timezone: string },
  people: Person[],
  valueIds: string[],
  now: Date,
): Promise<void> {
  const random = prng(20261123);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const messages = shuffled(
    DEEDS.flatMap((deed) => CLOSINGS.map((closing) => `${deed}. ${closing}`)),
    random,
  );
  let written = 0;
  // Every kudos its own message while the combinations last (they outnumber two months of kudos).
  const nextMessage = () => messages[written++ % messages.length];
  const today = localDate(now, org.timezone);
  const spent = new Map<string, number>(); // `${giver}|${month}` → points
  const toOne = new Map<string, number>(); // `${giver}|${receiver}|${month}` → points
  const allowance = (p: Person) => monthlyAllowance(p.role, DEFAULT_POINT_RULES);

  for (let day = addDays(today, -60); day <= today; day = addDays(day, 1)) {
    const month = monthStart(day);
    const dayStart = startOfLocalDay(day, org.timezone).getTime();
    const count = 4 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const at = new Date(dayStart + (8 + random() * 10) * 3_600_000);
      if (at > now) {
        continue;
      }
      const giver = pick(people);
      // Mostly colleagues from the same store, sometimes across stores.
      const pool = people.filter(
        (p) => p.id !== giver.id && (random() < 0.3 || p.teamId === giver.teamId),
      );
      const recipients = [...new Set([pick(pool), ...(random() < 0.2 ? [pick(pool)] : [])])].filter(
        Boolean,
      );
      const each = [0, 5, 5, 10, 10, 10, 15, 20][Math.floor(random() * 8)];
      const cap = Math.floor(allowance(giver) * 0.4);
      const left = allowance(giver) - (spent.get(`${giver.id}|${month}`) ?? 0);
      const fits =
        each * recipients.length <= left &&
        recipients.every((r) => (toOne.get(`${giver.id}|${r.id}|${month}`) ?? 0) + each <= cap);
      if (recipients.length === 0 || !fits) {
        continue;
      }
      spent.set(
        `${giver.id}|${month}`,
        (spent.get(`${giver.id}|${month}`) ?? 0) + each * recipients.length,
      );
      recipients.forEach((r) =>
        toOne.set(
          `${giver.id}|${r.id}|${month}`,
          (toOne.get(`${giver.id}|${r.id}|${month}`) ?? 0) + each,
        ),
      );

      const [kudos] = await manager.query<{ id: string }[]>(
        `INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [org.id, giver.id, pick(valueIds), nextMessage(), each, day, at],
      );
      for (const r of recipients) {
        await manager.query(
          `INSERT INTO kudos_recipients (kudos_id, member_id, organization_id, team_id) VALUES ($1, $2, $3, $4)`,
          [kudos.id, r.id, org.id, r.teamId],
        );
      }
      if (each > 0) {
        const lines: LedgerLine[] = [
          ...recipients.map((r) => ({
            memberId: r.id,
            account: 'earned' as const,
            amount: each,
            teamId: r.teamId,
            occurredOn: day,
            sourceType: 'kudos' as const,
            sourceId: kudos.id,
          })),
          {
            memberId: giver.id,
            account: 'given',
            amount: each * recipients.length,
            teamId: giver.teamId,
            occurredOn: day,
            sourceType: 'kudos',
            sourceId: kudos.id,
          },
        ];
        await recordLedger(manager, org.id, lines, at);
      }
      for (const fan of people.filter(() => random() < 0.12)) {
        await manager.query(
          `INSERT INTO kudos_reactions (kudos_id, member_id, emoji, organization_id, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [kudos.id, fan.id, pick(EMOJIS), org.id, new Date(at.getTime() + 600_000)],
        );
      }
      if (random() < 0.15) {
        await manager.query(
          `INSERT INTO kudos_comments (kudos_id, organization_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
          [
            kudos.id,
            org.id,
            pick(recipients).id,
            pick(['Thank you! ☕', 'Team effort!', 'Aww, thanks 😊', 'Any time!']),
            new Date(at.getTime() + 900_000),
          ],
        );
      }
    }
  }

  for (const [key, amount] of spent) {
    const [memberId, month] = key.split('|');
    const person = people.find((p) => p.id === memberId);
    await manager.query(
      `INSERT INTO allowances (member_id, period_start, organization_id, total, spent) VALUES ($1, $2, $3, $4, $5)`,
      [memberId, month, org.id, person ? allowance(person) : 0, amount],
    );
  }
}
