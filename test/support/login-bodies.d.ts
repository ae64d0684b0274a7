/** A login body with `entries` members in all: the two credentials, then `"k0":0`, … */
export function withEntries(entries: number): string;
/** A login body whose containers nest `depth` levels (the body itself is level 1). */
export function nested(depth: number): string;
/** A login body of exactly `bytes` bytes. */
export function sized(bytes: number): string;
