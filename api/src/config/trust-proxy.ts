import proxyAddr from '@fastify/proxy-addr';

/** Which peers may name the client in `X-Forwarded-For`: none, the nearest N hops, or a list. */
export type TrustProxy = false | number | string[];

/** proxy-addr's form: is the address at this hop (0 = the socket's peer) a proxy we trust? */
export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * `false` trusts nobody (no loopback exception), `true` one hop, `2` two hops,
 * `10.0.0.0/8, 192.168.1.7` those addresses (also proxy-addr's `loopback`,
 * `linklocal`, `uniquelocal`). Null when the value is none of these.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no' || v === '0') {
    return false;
  }
  if (v === 'true' || v === 'yes') {
    return 1;
  }
  if (/^\d+$/.test(v)) {
    return Number(v);
  }
  const list = v
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(list);
    return list.length > 0 ? list : null;
  } catch {
    return null;
  }
}

/**
 * The same rule for Fastify (`request.ip`, `request.protocol`) and for the web
 * pages served beside it: the client is the right-most address not trusted.
 */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false) {
    return () => false;
  }
  if (typeof setting === 'number') {
    return (_address, hop) => hop < setting;
  }
  return proxyAddr.compile(setting);
}
