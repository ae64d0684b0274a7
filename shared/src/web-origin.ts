/** A bare http(s) origin, such as `https://signage.example.com` (no path, no trailing slash). */
export function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** A space-separated list of origins (`FRAME_ANCESTORS`) as its entries. */
export function originList(setting: string | undefined): string[] {
  return (setting ?? '').split(/\s+/).filter(Boolean);
}
