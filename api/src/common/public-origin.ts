import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from '@bravo/shared';

export interface LinkOriginInputs {
  /** PUBLIC_URL (validated at start-up), when set: always wins. */
  publicUrl?: string;
  /** The origin the admin's browser is using, as Bravo's web server saw it. */
  requestOrigin?: string;
  /** This machine's LAN addresses, best first (see `lanAddresses`). */
  lanAddresses: readonly string[];
  /** The port Bravo listens on. */
  port: number;
}

/**
 * The origin links sent to other devices (invitations, TV screens, QR codes)
 * start with: PUBLIC_URL; else the address the admin is using unless only this
 * machine can open it (loopback); else the machine's LAN address on the port
 * the admin is using; else, with no network at all, localhost.
 */
export function chooseLinkOrigin({
  publicUrl,
  requestOrigin,
  lanAddresses,
  port,
}: LinkOriginInputs): string {
  if (publicUrl) {
    return publicUrl.replace(/\/+$/, '');
  }
  const seen = requestOrigin ? parseWebOrigin(requestOrigin) : null;
  if (seen && !isLoopbackHost(seen.hostname)) {
    return seen.origin;
  }
  const url = new URL(seen?.origin ?? `http://localhost:${port}`);
  const lan = lanAddresses[0];
  if (lan) {
    url.hostname = lan;
  }
  return url.origin;
}

/**
 * `value` as a bare http(s) origin, or null: a syntactically valid host (the
 * WHATWG URL parser refuses forbidden host characters), no credentials, no
 * path, query or fragment — so a header cannot smuggle anything into a link.
 */
export function parseWebOrigin(value: string): URL | null {
  if (value.length > 300) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !value.endsWith('?') &&
    !value.endsWith('#');
  return bare ? url : null;
}

// Bridges of containers, VMs and VPNs: other devices on the shop's network rarely reach them.
const VIRTUAL_INTERFACE =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|utun|zt|tailscale|lxc|lxd|cni|flannel|podman)/i;

/** 192.168/16, then 10/8, then 172.16/12, then any other; link-local (169.254/16) last. */
function rangeRank(address: string): number {
  const [a, b] = address.split('.').map(Number);
  if (a === 192 && b === 168) {
    return 0;
  }
  if (a === 10) {
    return 1;
  }
  if (a === 172 && b >= 16 && b <= 31) {
    return 2;
  }
  if (a === 169 && b === 254) {
    return 4;
  }
  return 3;
}

/**
 * The machine's IPv4 addresses other devices may reach, best first: real
 * interfaces before virtual ones, private home/shop ranges first, in the
 * system's order otherwise.
 */
export function lanAddresses(
  interfaces: Record<string, NetworkInterfaceInfo[] | undefined>,
): string[] {
  const found: { address: string; rank: number; order: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) {
        continue;
      }
      const rank = (VIRTUAL_INTERFACE.test(name) ? 10 : 0) + rangeRank(info.address);
      found.push({ address: info.address, rank, order: found.length });
    }
  }
  const sorted = found.sort((x, y) => x.rank - y.rank || x.order - y.order);
  return [...new Set(sorted.map((f) => f.address))];
}
