import type { Role } from '@bravo/shared';

/** "Aurora Coffee": three stores, twenty-four people, five brand values. */
export const DEMO_ORG = { name: 'Aurora Coffee', timezone: 'Europe/London' };
export const DEMO_PASSWORD = 'bravo-demo';
export const DEMO_DOMAIN = 'aurora.example';

export const DEMO_TEAMS = ['Harbour Street', 'Old Town', 'Riverside'] as const;

export interface DemoPerson {
  name: string;
  role: Role;
  /** Index into DEMO_TEAMS; null for head office. */
  team: number | null;
  manages?: number[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Amira Haddad', role: 'admin', team: null, manages: [0, 1, 2] },
  { name: 'Omar Price', role: 'manager', team: 0, manages: [0] },
  { name: 'Sofia Marin', role: 'manager', team: 1, manages: [1] },
  { name: 'Daniel Okafor', role: 'manager', team: 2, manages: [2] },
  { name: 'Lena Fischer', role: 'employee', team: 0 },
  { name: 'Yusuf Demir', role: 'employee', team: 0 },
  { name: 'Chloe Martin', role: 'employee', team: 0 },
  { name: 'Mateo Rossi', role: 'employee', team: 0 },
  { name: 'Hana Sato', role: 'employee', team: 0 },
  { name: 'Noah Williams', role: 'employee', team: 0 },
  { name: 'Layla Nasser', role: 'employee', team: 0 },
  { name: 'Priya Shah', role: 'employee', team: 1 },
  { name: 'Tom Becker', role: 'employee', team: 1 },
  { name: 'Ines Costa', role: 'employee', team: 1 },
  { name: 'Kofi Mensah', role: 'employee', team: 1 },
  { name: 'Emma Dubois', role: 'employee', team: 1 },
  { name: 'Ravi Patel', role: 'employee', team: 1 },
  { name: 'Zara Ahmed', role: 'employee', team: 2 },
  { name: 'Lucas Silva', role: 'employee', team: 2 },
  { name: 'Mia Novak', role: 'employee', team: 2 },
  { name: 'Sam Taylor', role: 'employee', team: 2 },
  { name: 'Aisha Bello', role: 'employee', team: 2 },
  { name: 'Jonas Berg', role: 'employee', team: 2 },
  { name: 'Nour Khalil', role: 'employee', team: 2 },
];

export const DEMO_VALUES = [
  {
    name: 'Warm Welcome',
    hashtag: 'WarmWelcome',
    emoji: '☕',
    color: '#b45309',
    description: 'Every guest feels expected, remembered and at home.',
  },
  {
    name: 'Craft in Every Cup',
    hashtag: 'CraftInEveryCup',
    emoji: '✨',
    color: '#7c3aed',
    description: 'We care about the details: the grind, the milk, the latte art.',
  },
  {
    name: 'Own It',
    hashtag: 'OwnIt',
    emoji: '💪',
    color: '#0f766e',
    description: 'See a problem, fix it, tell the team what you learned.',
  },
  {
    name: 'Better Together',
    hashtag: 'BetterTogether',
    emoji: '🤝',
    color: '#1d4ed8',
    description: 'We cover for each other and celebrate each other.',
  },
  {
    name: 'Green Planet',
    hashtag: 'GreenPlanet',
    emoji: '🌱',
    color: '#15803d',
    description: 'Less waste, fair beans, reusable cups.',
  },
];

/** lena.fischer@aurora.example */
export const demoEmail = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@${DEMO_DOMAIN}`;
