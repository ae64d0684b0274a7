/** Resolves in a task of its own, after what is queued now. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once the page has been painted: in the task after the next animation frame (its
 * callbacks run just before that frame is painted), or after `fallbackMs` when frames never
 * come (a tab opened in the background gets none).
 */
export function afterNextPaint(fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      void nextTask().then(resolve);
    });
  });
}
