import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLocale, loadDictionary } from '$lib/i18n';
import PointsStepper from './PointsStepper.svelte';

let mounted: Record<string, unknown> | null = null;
beforeAll(async () => {
  await loadDictionary('en');
  applyLocale('en');
});
afterEach(async () => {
  if (mounted) {
    await unmount(mounted);
  }
  mounted = null;
  document.body.innerHTML = '';
});

describe('the points stepper', () => {
  it('drops the server’s error when the value is changed with its buttons', () => {
    mounted = mount(PointsStepper, {
      target: document.body,
      props: { label: 'Points', value: 60, min: 0, max: 50, error: 'At most 50 per colleague.' },
    });
    expect(document.querySelector('.field-error')?.textContent).toBe('At most 50 per colleague.');

    document.querySelector<HTMLButtonElement>('[aria-label="Fewer points"]')!.click();
    flushSync();

    expect(document.querySelector('input')!.value).toBe('50');
    expect(document.querySelector('.field-error')).toBeNull();
  });
});
