import { describe, expect, it } from 'vitest';
import { starterField, starterTextsFrom, starterValuesFrom } from './starter-values';

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  Object.entries(entries).forEach(([k, v]) => data.append(k, v));
  return data;
}

describe('starterValuesFrom', () => {
  it('sends the ticked starters with the words as edited, in the order offered', () => {
    const data = form({
      [starterField('ownIt', 'use')]: 'on',
      [starterField('ownIt', 'name')]: '  Own it!  ',
      [starterField('ownIt', 'description')]: 'Takes care of it.',
      [starterField('warmWelcome', 'use')]: 'on',
      [starterField('warmWelcome', 'name')]: 'Warm welcome',
      [starterField('warmWelcome', 'description')]: '',
      [starterField('teamPlayer', 'name')]: 'Team player',
    });
    expect(starterValuesFrom(data)).toEqual([
      { name: 'Warm welcome', description: '' },
      { name: 'Own it!', description: 'Takes care of it.' },
    ]);
  });

  it('leaves out a ticked starter whose name was emptied and bounds the text', () => {
    const data = form({
      [starterField('ownIt', 'use')]: 'on',
      [starterField('ownIt', 'name')]: '   ',
      [starterField('teamPlayer', 'use')]: 'on',
      [starterField('teamPlayer', 'name')]: 'x'.repeat(100),
    });
    expect(starterValuesFrom(data)).toEqual([{ name: 'x'.repeat(60), description: '' }]);
  });

  it('refills every field, unticked ones as empty', () => {
    const texts = starterTextsFrom(form({ [starterField('ownIt', 'use')]: 'on' }));
    expect(texts[starterField('ownIt', 'use')]).toBe('on');
    expect(texts[starterField('warmWelcome', 'use')]).toBe('');
    expect(Object.keys(texts)).toHaveLength(12);
  });
});
