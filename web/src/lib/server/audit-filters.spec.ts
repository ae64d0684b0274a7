import { describe, expect, it } from 'vitest';
import { auditCursorOf, auditFiltersOf } from './audit-filters';

const url = (query: string) => new URL(`http://bravo.test/admin/audit?${query}`);

describe('audit filters', () => {
  it('reads well-formed filters and drops malformed ones', () => {
    const id = '3f2b8c1e-0d9a-4c55-9b1e-2a7d6f0c4e11';
    expect(
      auditFiltersOf(url(`from=2026-12-01&to=2026-12-07&action=team.renamed&actorId=${id}`)),
    ).toEqual({ from: '2026-12-01', to: '2026-12-07', action: 'team.renamed', actorId: id });
    expect(
      auditFiltersOf(url('from=yesterday&to=2026-13&action=team.exploded&actorId=1 OR 1=1')),
    ).toEqual({ from: '', to: '', action: '', actorId: '' });
  });

  it('takes only a cursor the API could have given out', () => {
    expect(auditCursorOf(url('cursor=42'))).toBe('42');
    expect(auditCursorOf(url('cursor=0'))).toBeUndefined();
    expect(auditCursorOf(url('cursor=abc'))).toBeUndefined();
  });
});
