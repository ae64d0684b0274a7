import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '$lib/forms';
import { memberProblems, readPraiseForm, starsOf } from './praise-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  entries.forEach(([name, value]) => data.append(name, value));
  return data;
};

describe('readPraiseForm', () => {
  it('reads named colleagues once each, the words trimmed, the optional fields only when given', () => {
    const read = readPraiseForm(
      form([
        ['memberIds', 'a'],
        ['memberIds', 'b'],
        ['memberIds', 'a'],
        ['text', '  Lovely service  '],
        ['rating', ''],
        ['customerName', ''],
        ['channel', 'phone'],
        ['teamId', 't1'],
      ]),
    );
    expect(read.body).toEqual({
      teamId: 't1',
      memberIds: ['a', 'b'],
      text: 'Lovely service',
      channel: 'phone',
    });
    expect(read.problems).toEqual({});
    expect(read.values.memberIds).toBe('a,b');
  });

  it('sends just the team when nobody is named, with rating and first name', () => {
    const read = readPraiseForm(
      form([
        ['text', 'Great shop'],
        ['rating', '5'],
        ['customerName', 'Maria'],
        ['channel', 'in_store'],
      ]),
    );
    expect(read.body).toEqual({
      memberIds: [],
      text: 'Great shop',
      rating: 5,
      customerName: 'Maria',
      channel: 'in_store',
    });
  });

  it('catches a rating outside 1–5, a channel of its own and too many colleagues', () => {
    const many = Array.from({ length: 11 }, (_, i): [string, string] => ['memberIds', `m${i}`]);
    for (const rating of ['0', '6', '4.5', 'five']) {
      const read = readPraiseForm(form([['rating', rating], ['channel', 'fax'], ...many]));
      expect(read.problems).toEqual({
        rating: [{ code: 'out_of_range', params: { min: 1, max: 5 } }],
        channel: [{ code: 'invalid_choice', params: {} }],
        memberIds: [{ code: 'too_many', params: { max: 10 } }],
      });
      // What was typed comes back as typed, to refill the form.
      expect(read.values.rating).toBe(rating);
    }
  });
});

describe('memberProblems', () => {
  it('gathers the API’s problems of every named colleague, each kind once', () => {
    const unknown: FieldProblem = { code: 'unknown_recipient', params: {} };
    expect(
      memberProblems({ 'memberIds.0': [unknown], 'memberIds.3': [unknown], text: [unknown] }),
    ).toEqual([unknown]);
    expect(memberProblems(undefined)).toEqual([]);
  });
});

describe('starsOf', () => {
  it('fills as many of five stars as the rating', () => {
    expect(starsOf(4)).toBe('★★★★☆');
    expect(starsOf(1)).toBe('★☆☆☆☆');
    expect(starsOf(9)).toBe('★★★★★');
  });
});
