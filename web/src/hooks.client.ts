import type { ClientInit } from '@sveltejs/kit';
import { isLocale } from '@bravo/shared';
import { formatterWarmups } from '$lib/format';
import { afterNextPaint, nextTask } from '$lib/hydration/after-next-paint';

/**
 * Hydration is one long task. Started before the server's HTML is on screen it holds that
 * first paint back (while Chrome holds paint after a navigation, by a second or more on a
 * phone), so it waits for a frame; a background tab, which gets no frames, hydrates after a
 * second. The first Intl formatter of each kind loads ICU data (10-40 ms each on a laptop);
 * built first, each in a task of its own, they do not lengthen hydration's, which a tap
 * would wait on.
 */
export const init: ClientInit = async () => {
  await afterNextPaint(1000);
  const { lang, dataset } = document.documentElement;
  for (const warmup of formatterWarmups(isLocale(lang) ? lang : 'en', dataset.timeZone || 'UTC')) {
    warmup();
    await nextTask();
  }
};
