import { describe, expect, it } from 'vitest';
import {
  answersOfForm,
  bodyOfDraft,
  draftOfForm,
  draftOfValues,
  errorsBySlot,
  monthOf,
  newDraft,
  valuesOfDraft,
} from './mission-form';

const TEAM = '0b8f3f0e-7d5c-4c55-9a7e-3f1d2c0e9a11';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    data.append(name, value);
  }
  return data;
}

/** The editor's fields for a quiz, with `slots` as the builder renders them (5 × 4, mostly empty). */
function quizForm(slots: { text: string; options: string[]; correct: number[] }[]): FormData {
  const entries: [string, string][] = [
    ['title', ' Autumn menu '],
    ['points', '30'],
    ['teamIds', TEAM],
    ['startsOn', '2026-12-01'],
    ['endsOn', '2026-12-31'],
    ['maxCompletions', '1'],
    ['kind', 'quiz'],
    ['evidence', 'text'],
    ['quiz.passMark', '100'],
    ['quiz.maxAttempts', '2'],
    ['teamTarget.completions', ''],
    ['teamTarget.bonus', ''],
  ];
  slots.forEach((slot, q) => {
    entries.push([`quiz.questions.${q}.text`, slot.text]);
    slot.options.forEach((option, o) => entries.push([`quiz.questions.${q}.options.${o}`, option]));
    slot.correct.forEach((o) => entries.push([`quiz.questions.${q}.correct`, String(o)]));
  });
  return form(entries);
}

const empty = { text: '', options: ['', '', '', ''], correct: [] };

describe('the mission editor form', () => {
  it('sends only the filled questions and options, the right answers renumbered', () => {
    const data = quizForm([
      empty,
      { text: 'Which soup is new?', options: ['', 'Pumpkin', 'Tomato', ''], correct: [1] },
      empty,
      {
        text: 'Which are vegan?',
        options: ['Pumpkin soup', '', 'Oat latte', 'Toastie'],
        correct: [0, 2],
      },
      empty,
    ]);
    const { body, slots, problems } = bodyOfDraft(draftOfForm(data), false);
    expect(problems).toEqual({});
    expect(slots).toEqual([1, 3]);
    expect(body).toMatchObject({
      title: 'Autumn menu',
      points: 30,
      teamIds: [TEAM],
      kind: 'quiz',
      teamTarget: null,
      valueId: null,
      quiz: {
        passMark: 100,
        maxAttempts: 2,
        questions: [
          { text: 'Which soup is new?', options: ['Pumpkin', 'Tomato'], correct: [0] },
          {
            text: 'Which are vegan?',
            options: ['Pumpkin soup', 'Oat latte', 'Toastie'],
            correct: [0, 1],
          },
        ],
      },
    });
    expect(body.evidence).toBeUndefined();
  });

  it('moves the API’s question errors to the slot the question was in', () => {
    const moved = errorsBySlot(
      {
        'quiz.questions.1.correct': [{ code: 'too_few', params: { min: 1 } }],
        'quiz.questions.0.options.2': [{ code: 'too_long', params: { max: 120 } }],
        'quiz.questions': [{ code: 'too_few', params: { min: 1 } }],
        title: [{ code: 'required', params: {} }],
      },
      [1, 3],
    );
    expect(moved).toEqual({
      'quiz.questions.3.correct': [{ code: 'too_few', params: { min: 1 } }],
      'quiz.questions.1.options': [{ code: 'too_long', params: { max: 120 } }],
      'quiz.questions': [{ code: 'too_few', params: { min: 1 } }],
      title: [{ code: 'required', params: {} }],
    });
  });

  it('finds what only the web can see: no team, numbers that are not whole, a bonus without a target', () => {
    const draft = {
      ...newDraft({ startsOn: '2026-12-01', endsOn: '2026-12-31' }),
      points: '2.5',
      targetBonus: '10',
    };
    expect(bodyOfDraft(draft, false).problems).toEqual({
      teamIds: [{ code: 'too_few', params: { min: 1 } }],
      points: [{ code: 'not_whole_number', params: {} }],
      'teamTarget.completions': [{ code: 'required', params: {} }],
    });
    // An admin may choose everyone: no teams.
    const everyone = bodyOfDraft({ ...draft, points: '5', targetBonus: '', everyone: true }, true);
    expect(everyone.problems).toEqual({});
    expect(everyone.body).toMatchObject({ teamIds: [], evidence: 'text' });
    expect(everyone.body).not.toHaveProperty('quiz');
    // A manager cannot.
    expect(bodyOfDraft({ ...draft, everyone: true }, false).problems.teamIds).toBeDefined();
  });

  it('sends a tracked goal’s metric and threshold, and nothing of the other kinds', () => {
    const data = quizForm([]);
    data.set('kind', 'tracked');
    data.set('tracked.metric', 'distinct_givers');
    data.set('tracked.threshold', '3');
    const { body, problems } = bodyOfDraft(draftOfForm(data), false);
    expect(problems).toEqual({});
    expect(body.tracked).toEqual({ metric: 'distinct_givers', threshold: 3 });
    expect(body).not.toHaveProperty('quiz');
    expect(body).not.toHaveProperty('evidence');
    // A metric the form never offers falls back; a threshold that is not whole is the web's to say.
    data.set('tracked.metric', 'weekly_giving_streak');
    data.set('tracked.threshold', 'three');
    const odd = bodyOfDraft(draftOfForm(data), false);
    expect(odd.body.tracked?.metric).toBe('kudos_given');
    expect(odd.problems).toEqual({
      'tracked.threshold': [{ code: 'not_whole_number', params: {} }],
    });
  });

  it('keeps what was typed through a failure, with the empty slots back', () => {
    const draft = draftOfForm(quizForm([{ text: 'Q', options: ['a', 'b', '', ''], correct: [1] }]));
    const back = draftOfValues(valuesOfDraft(draft));
    expect(back?.title).toBe('Autumn menu');
    expect(back?.questions).toHaveLength(5);
    expect(back?.questions[0]).toEqual({ text: 'Q', options: ['a', 'b', '', ''], correct: [1] });
    expect(draftOfValues({})).toBeNull();
  });
});

describe('monthOf', () => {
  it('is the month in the organisation’s time zone', () => {
    // 31 Dec 23:30 in London is already January in Berlin.
    const now = new Date('2026-12-31T23:30:00Z');
    expect(monthOf(now, 'Europe/London')).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-31' });
    expect(monthOf(now, 'Europe/Berlin')).toEqual({ startsOn: '2027-01-01', endsOn: '2027-01-31' });
    expect(monthOf(new Date('2028-02-10T12:00:00Z'), 'UTC').endsOn).toBe('2028-02-29');
  });
});

describe('answersOfForm', () => {
  it('reads each question’s ticks in order, ignoring junk and repeats', () => {
    const data = form([
      ['answer.0', '1'],
      ['answer.1', '0'],
      ['answer.1', '2'],
      ['answer.1', '2'],
      ['answer.2', 'x'],
    ]);
    expect(answersOfForm(data, 3)).toEqual([[1], [0, 2], []]);
  });
});
