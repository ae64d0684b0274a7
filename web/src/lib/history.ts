import type { HistoryEntryDto } from '@bravo/shared';

/** Who a history line names, and how: "from Lena", "to Kai and Sam", "boosted by Ana". */
export interface HistoryDetail {
  relation: 'from' | 'to' | 'boostedBy';
  people: { id: string; name: string }[];
  valueName: string;
  kudosId: string;
}

/** The people and kudos behind a points history entry, as the reader of that member's page sees them. */
export function historyDetail(entry: HistoryEntryDto): HistoryDetail | null {
  const kudos = entry.kudos;
  if (!kudos) {
    return null;
  }
  const base = { valueName: kudos.valueName, kudosId: kudos.id };
  if (entry.account === 'given') {
    return { relation: 'to', people: kudos.recipients, ...base };
  }
  if (entry.sourceType === 'boost' && kudos.booster) {
    return { relation: 'boostedBy', people: [kudos.booster], ...base };
  }
  return { relation: 'from', people: [kudos.giver], ...base };
}
