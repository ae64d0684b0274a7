import { describe, expect, it } from 'vitest';
import { auditChanges, auditTargetName } from './changes';

describe('auditChanges', () => {
  it('lists only the fields that differ, nested settings by their path', () => {
    const before = {
      id: 'o1',
      name: 'Corner Bakery',
      updatedAt: '2026-12-01T10:00:00.000Z',
      rules: { allowanceEmployee: 100, allowanceManager: 200 },
    };
    const after = {
      id: 'o1',
      name: 'Corner Bakery',
      updatedAt: '2026-12-07T10:00:00.000Z',
      rules: { allowanceEmployee: 120, allowanceManager: 200 },
    };
    expect(auditChanges(before, after)).toEqual([
      { field: 'rules.allowanceEmployee', before: '100', after: '120' },
    ]);
  });

  it('shows a created target as its fields with nothing before, a removed one the other way', () => {
    expect(auditChanges(null, { id: 't1', name: 'Harbour', memberCount: 0 })).toEqual([
      { field: 'name', before: null, after: 'Harbour' },
      { field: 'memberCount', before: null, after: '0' },
    ]);
    expect(auditChanges({ name: 'Harbour' }, null)).toEqual([
      { field: 'name', before: 'Harbour', after: null },
    ]);
  });

  it('keeps lists whole and cuts long values', () => {
    const [ids] = auditChanges({ managedTeamIds: ['a'] }, { managedTeamIds: ['a', 'b'] });
    expect(ids).toEqual({ field: 'managedTeamIds', before: '["a"]', after: '["a","b"]' });
    const [long] = auditChanges({ text: '' }, { text: 'x'.repeat(500) });
    expect(long.after).toHaveLength(120);
    expect(long.after?.endsWith('…')).toBe(true);
  });

  it('leaves out a field only one snapshot has (a row noted before, a summary answered after)', () => {
    const before = { id: 't1', name: 'Front counter', screenRoom: 'r1' };
    const after = { id: 't1', name: 'Front of house', memberCount: 3 };
    expect(auditChanges(before, after)).toEqual([
      { field: 'name', before: 'Front counter', after: 'Front of house' },
    ]);
    // A field cleared is still a change: it is in both, null after.
    expect(auditChanges({ teamId: 't1' }, { teamId: null })).toEqual([
      { field: 'teamId', before: 't1', after: null },
    ]);
  });

  it('names the teams and values it knows, alone or in a list; other ids stay as they are', () => {
    const names = new Map([
      ['t-front', 'Front counter'],
      ['t-back', 'Back bakery'],
    ]);
    expect(
      auditChanges(
        { teamId: 't-front', managedTeamIds: [], badgeId: 'b1' },
        { teamId: 't-back', managedTeamIds: ['t-front', 't-gone'], badgeId: 'b2' },
        names,
      ),
    ).toEqual([
      { field: 'teamId', before: 'Front counter', after: 'Back bakery' },
      { field: 'managedTeamIds', before: '[]', after: 'Front counter, t-gone' },
      { field: 'badgeId', before: 'b1', after: 'b2' },
    ]);
  });

  it('finds nothing when nothing changed, or when there is nothing to compare', () => {
    expect(auditChanges({ name: 'A', active: true }, { name: 'A', active: true })).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe('auditTargetName', () => {
  it('names the target by its name, title or e-mail, after before before', () => {
    expect(auditTargetName({ name: 'Old' }, { name: 'New' })).toBe('New');
    expect(auditTargetName({ title: 'June mission' }, null)).toBe('June mission');
    expect(auditTargetName(null, { email: 'kai@corner.example' })).toBe('kai@corner.example');
    expect(auditTargetName(null, [{ name: 'x' }])).toBeNull();
  });
});
