import type { ClientInit } from '@sveltejs/kit';
import { afterNextPaint } from '$lib/hydration/after-next-paint';
import { FORMAT_SEED_ID, useSeed } from '$lib/hydration/format-seed';

/**
 * Hydration is one long task. Started before the server's HTML is on screen it holds that
 * first paint back (while Chrome holds paint after a navigation, by a second or more on a
 * phone), so it waits for a frame; a background tab, which gets no frames, hydrates after a
 * second. It reuses the dates, numbers and messages the server formatted for the page, so it
 * builds no Intl formatter (each kind's first loads ICU data, tens of milliseconds).
 */
export const init: ClientInit = async () => {
  useSeed(document.getElementById(FORMAT_SEED_ID)?.textContent);
  await afterNextPaint(1000);
};
