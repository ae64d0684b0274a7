import type { ClientInit } from '@sveltejs/kit';
import { isLocale } from '@bravo/shared';
import { formatterWarmups } from '$lib/format';
import { warmMessageFormat } from '$lib/i18n';
import { afterNextPaint, nextTask } from '$lib/hydration/after-next-paint';

/**
 * Hydration is one long task. Started before the server's HTML is on screen it holds that
 * first paint back (while Chrome holds paint after a navigation, by a second or more on a
 * phone), so it waits for a frame; a background tab, which gets no frames, hydrates after a
 * second. The first Intl formatter of each kind loads ICU data (10-40 ms each on a laptop),
 * and the first message formatted compiles the message parser: done first, each in a task
 * of its own, they do not lengthen hydration's, which a tap would wait on.
 */
export const init: ClientInit = async () => {
  await afterNextPaint(1000);
  const { lang, dataset } = document.documentElement;
  const locale = isLocale(lang) ? lang : 'en';
  const warmups = [
    ...formatterWarmups(locale, dataset.timeZone || 'UTC'),
    () => warmMessageFormat(locale),
  ];
  for (const warmup of warmups) {
    warmup();
    await nextTask();
  }
};
