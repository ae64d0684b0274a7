import { describe, expect, it } from 'vitest';
import { BADGE_ICONS } from '@bravo/shared';
import { badgeEmoji } from './badge-icons';

describe('badge icons', () => {
  it('draws every icon that ships, each differently, and a medal for an unknown one', () => {
    const drawn = BADGE_ICONS.map(badgeEmoji);
    expect(new Set(drawn).size).toBe(BADGE_ICONS.length);
    expect(badgeEmoji('target')).toBe('🎯');
    expect(badgeEmoji('no-such-icon')).toBe('🏅');
  });
});
