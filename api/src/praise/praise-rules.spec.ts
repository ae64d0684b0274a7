import { fingerprintOf, firstNameOf, looksHuman, MIN_FILL_MS } from './praise-rules';

describe('praise rules', () => {
  it('folds case, spacing, punctuation and accents into one fingerprint', () => {
    expect(fingerprintOf('Lena was  WONDERFUL!!')).toBe(fingerprintOf('lena was wonderful'));
    expect(fingerprintOf('Café au lait, merci')).toBe(fingerprintOf('cafe au lait merci'));
    expect(fingerprintOf('شكراً لينا')).toBe(fingerprintOf('  شكراً   لينا. '));
    expect(fingerprintOf('Lena was wonderful')).not.toBe(fingerprintOf('Omar was wonderful'));
  });

  it('shows first names only', () => {
    expect(firstNameOf('  Lena   Fischer ')).toBe('Lena');
    expect(firstNameOf('Omar')).toBe('Omar');
  });

  it('takes a form filled in over a few seconds with the trap empty, nothing else', () => {
    const now = 1_000_000_000;
    expect(looksHuman({ startedAt: now - MIN_FILL_MS }, now)).toBe(true);
    expect(looksHuman({ startedAt: now - MIN_FILL_MS + 1 }, now)).toBe(false);
    expect(looksHuman({ startedAt: now - 60_000, website: 'http://spam' }, now)).toBe(false);
    expect(looksHuman({ startedAt: now - 2 * 24 * 3600_000 }, now)).toBe(false);
    expect(looksHuman({ startedAt: now + 10_000 }, now)).toBe(false);
  });
});
