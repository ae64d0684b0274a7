import { describe, expect, it } from 'vitest';
import type { HistoryEntryDto } from '@bravo/shared';
import { historyDetail } from './history';

const ana = { id: 'a', name: 'Ana' };
const ben = { id: 'b', name: 'Ben' };
const cid = { id: 'c', name: 'Cid' };
const entry = (over: Partial<HistoryEntryDto>): HistoryEntryDto => ({
  id: '1',
  account: 'earned',
  amount: 10,
  sourceType: 'kudos',
  sourceId: 'k1',
  occurredOn: '2026-12-01',
  createdAt: '2026-12-01T10:00:00Z',
  kudos: { id: 'k1', giver: ana, recipients: [ben], booster: null, valueName: 'Own it' },
  ...over,
});

describe('historyDetail', () => {
  it('names the giver of a kudos received, the recipients of one given, the booster of a boost', () => {
    expect(historyDetail(entry({}))).toEqual({
      relation: 'from',
      people: [ana],
      valueName: 'Own it',
      kudosId: 'k1',
    });
    expect(historyDetail(entry({ account: 'given' }))?.people).toEqual([ben]);
    expect(historyDetail(entry({ account: 'given' }))?.relation).toBe('to');
    const boost = entry({
      sourceType: 'boost',
      kudos: { id: 'k1', giver: ana, recipients: [ben], booster: cid, valueName: 'Own it' },
    });
    expect(historyDetail(boost)).toMatchObject({ relation: 'boostedBy', people: [cid] });
  });

  it('says nothing for entries without a kudos', () => {
    expect(historyDetail(entry({ sourceType: 'other', sourceId: null, kudos: null }))).toBeNull();
  });
});
