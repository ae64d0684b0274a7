/** Up to two initials of a name, for avatars ("Rosa Owner" → "RO"). */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => Array.from(part)[0]?.toUpperCase() ?? '')
    .join('');
}

/** A stable hue per person, so the same colleague always has the same avatar colour. */
export function hueOf(id: string): number {
  let hash = 0;
  for (const char of id) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  }
  return hash;
}

/** "Rosa" from "Rosa Owner". */
export function firstNameOf(name: string): string {
  return name.split(/\s+/).find(Boolean) ?? name;
}
