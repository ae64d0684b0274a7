import type { ClientInit } from '@sveltejs/kit';
import { afterNextPaint, nextTask } from '$lib/hydration/after-next-paint';

/**
 * Hydration is one long task. Started before the server's HTML is on screen it holds that
 * first paint back (while Chrome holds paint after a navigation, by a second or more on a
 * phone), so it waits for a frame; a background tab, which gets no frames, hydrates after a
 * second. The engine's first Intl formatter loads ICU data (30-40 ms on a laptop); done in a
 * task of its own it does not lengthen hydration's, which a tap would wait on.
 */
export const init: ClientInit = async () => {
  await afterNextPaint(1000);
  new Intl.PluralRules(document.documentElement.lang || 'en').select(1);
  await nextTask();
};
