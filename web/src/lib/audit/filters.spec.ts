import { describe, expect, it } from 'vitest';
import { auditQuery } from './filters';

describe('audit page links', () => {
  it('writes back only the filters that are set', () => {
    const filters = { from: '2026-12-01', to: '', action: 'team.renamed' as const, actorId: '' };
    expect(auditQuery(filters)).toBe('?from=2026-12-01&action=team.renamed');
    expect(auditQuery(filters, { cursor: '7' })).toBe(
      '?from=2026-12-01&action=team.renamed&cursor=7',
    );
    expect(auditQuery({ from: '', to: '', action: '', actorId: '' })).toBe('');
  });
});
