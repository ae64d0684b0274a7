import type { BadgeIcon } from '@bravo/shared';

/** How each of the icons that ship with Bravo is drawn: an emoji, legible on a TV and in a toast. */
const EMOJI: Record<BadgeIcon, string> = {
  star: '⭐',
  rocket: '🚀',
  heart: '❤️',
  handshake: '🤝',
  trophy: '🏆',
  medal: '🏅',
  fire: '🔥',
  sparkles: '✨',
  crown: '👑',
  gem: '💎',
  sun: '☀️',
  target: '🎯',
};

/** The emoji of an icon key (a key this build does not know: a medal). */
export function badgeEmoji(icon: string): string {
  return (EMOJI as Record<string, string>)[icon] ?? '🏅';
}
