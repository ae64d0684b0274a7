import type { ClientInit } from '@sveltejs/kit';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Resolves once the page has been painted, or after `fallbackMs` if frames never come. */
function afterNextPaint(fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      // rAF callbacks run just before that frame is painted; a task after it runs once it is.
      void nextTask().then(resolve);
    });
  });
}

/**
 * Hydration is one long task. Started before the server's HTML is on screen it holds that
 * first paint back (while Chrome holds paint after a navigation, by a second or more on a
 * phone), so it waits for a frame; a tab opened in the background, which gets no frames,
 * hydrates after a second. The engine's first Intl formatter loads ICU data (30-40 ms on a
 * laptop); done in a task of its own it does not lengthen hydration's, which a tap would wait on.
 */
export const init: ClientInit = async () => {
  await afterNextPaint(1000);
  new Intl.PluralRules(document.documentElement.lang || 'en').select(1);
  await nextTask();
};
