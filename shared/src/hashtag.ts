import { LIMITS } from './limits.js';

/**
 * A hashtag made from a value's name: "Warm welcome" → "WarmWelcome". Words of scripts
 * without capitals (Arabic) are joined with "_" so they stay readable.
 */
export function hashtagFrom(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const tag = words
    .map((word, i) => {
      const capital = word.charAt(0).toUpperCase();
      if (capital === word.charAt(0).toLowerCase()) {
        return i === 0 ? word : `_${word}`;
      }
      return capital + word.slice(1);
    })
    .join('');
  return tag.slice(0, LIMITS.hashtagMax) || 'value';
}
