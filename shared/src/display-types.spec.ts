import { displayName } from './display-types';

describe('displayName', () => {
  it('shortens names for public screens', () => {
    expect(displayName('Lena Fischer', 'first_name_last_initial')).toBe('Lena F.');
    expect(displayName('Ana María de la Cruz', 'first_name_last_initial')).toBe('Ana C.');
    expect(displayName('Madonna', 'first_name_last_initial')).toBe('Madonna');
    expect(displayName('Lena Fischer', 'first_name')).toBe('Lena');
    expect(displayName('  Lena   Fischer ', 'full_name')).toBe('Lena   Fischer');
  });
});
