import { canManage, isFor, missionPhase, monthOf, nextSpan, quizScore } from './mission-rules';

describe('mission rules', () => {
  const span = { startsOn: '2026-12-01', endsOn: '2026-12-31' };

  it('moves a mission from draft through scheduled and active to closed', () => {
    const draft = { ...span, publishedAt: null, closedAt: null };
    const published = { ...draft, publishedAt: new Date() };
    expect(missionPhase(draft, '2026-12-10')).toBe('draft');
    expect(missionPhase(published, '2026-11-30')).toBe('scheduled');
    expect(missionPhase(published, '2026-12-01')).toBe('active');
    expect(missionPhase(published, '2026-12-31')).toBe('active');
    expect(missionPhase(published, '2027-01-01')).toBe('closed');
    expect(missionPhase({ ...published, closedAt: new Date() }, '2026-12-10')).toBe('closed');
  });

  it('spans calendar months and repeats into the next one', () => {
    expect(monthOf('2027-02-14')).toEqual({ startsOn: '2027-02-01', endsOn: '2027-02-28' });
    expect(monthOf('2028-02-14')).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(nextSpan('2026-12-01', '2026-12-31')).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-01-31',
    });
    expect(nextSpan('2027-01-01', '2027-01-31')).toEqual({
      startsOn: '2027-02-01',
      endsOn: '2027-02-28',
    });
    // Not a whole month: one month later, the same length.
    expect(nextSpan('2027-01-31', '2027-02-06')).toEqual({
      startsOn: '2027-02-28',
      endsOn: '2027-03-06',
    });
  });

  it('scores a quiz by questions answered exactly right', () => {
    const questions = [
      { text: 'a', options: ['x', 'y'], correct: [0] },
      { text: 'b', options: ['x', 'y', 'z'], correct: [0, 2] },
      { text: 'c', options: ['x', 'y'], correct: [1] },
    ];
    expect(quizScore(questions, [[0], [2, 0], [1]])).toBe(100);
    expect(quizScore(questions, [[0], [0], [1]])).toBe(66);
    expect(quizScore(questions, [[0, 1], [0, 1, 2], []])).toBe(0);
    expect(quizScore(questions, [])).toBe(0);
  });

  it('finds the missions of a member and the ones a caller may manage', () => {
    expect(isFor({ teamIds: [] }, null)).toBe(true);
    expect(isFor({ teamIds: ['t1'] }, 't1')).toBe(true);
    expect(isFor({ teamIds: ['t1'] }, 't2')).toBe(false);
    expect(isFor({ teamIds: ['t1'] }, null)).toBe(false);
    const manager = { role: 'manager', managedTeamIds: ['t1'] };
    expect(canManage({ teamIds: ['t1'] }, manager)).toBe(true);
    expect(canManage({ teamIds: ['t1', 't2'] }, manager)).toBe(false);
    expect(canManage({ teamIds: [] }, manager)).toBe(false);
    expect(canManage({ teamIds: [] }, { role: 'admin', managedTeamIds: [] })).toBe(true);
    expect(canManage({ teamIds: ['t1'] }, { role: 'employee', managedTeamIds: ['t1'] })).toBe(
      false,
    );
  });
});
