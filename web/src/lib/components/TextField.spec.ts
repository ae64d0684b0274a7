import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TextField from './TextField.svelte';

let mounted: Record<string, unknown> | null = null;
afterEach(async () => {
  if (mounted) {
    await unmount(mounted);
  }
  mounted = null;
  document.body.innerHTML = '';
});

describe('a field showing the server’s error', () => {
  it('drops the error once the user edits the value it was about', () => {
    mounted = mount(TextField, {
      target: document.body,
      props: { name: 'points', label: 'Points', value: '999', error: 'At most 50 per colleague.' },
    });
    const input = document.querySelector('input')!;
    expect(document.querySelector('.field-error')?.textContent).toBe('At most 50 per colleague.');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    input.value = '40';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();

    expect(document.querySelector('.field-error')).toBeNull();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });
});
