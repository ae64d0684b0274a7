/** Whether only this machine can open a link to `hostname` (as `URL.hostname` spells it). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    /^\[::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.\d+\.\d+\.\d+)\]$/.test(host)
  );
}

/** The host of `url` when only this machine can open it (a link shown to share), else null. */
export function localOnlyHost(url: string): string | null {
  try {
    const { hostname, host } = new URL(url);
    return isLoopbackHost(hostname) ? host : null;
  } catch {
    return null;
  }
}
