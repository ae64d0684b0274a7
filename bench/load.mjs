// A small closed-loop load generator: `concurrency` workers send requests back to back.
import http from 'node:http';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One HTTP request over the keep-alive agent; resolves with status and body text.
 * A reused connection the server closed while idle is retried once (Node's documented race).
 */
export function request(url, options = {}) {
  return send(url, options).catch((error) =>
    error.reusedSocket && error.code === 'ECONNRESET' ? send(url, options) : Promise.reject(error),
  );
}

function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(data);
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) {
    return null;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `task(i, worker)` with `concurrency` workers for `total` calls; returns throughput and latency in ms. */
export async function runLoad({ concurrency, total, task }) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const ok = await task(i, worker).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    requests: total,
    failures,
    throughputPerSec: Math.round(total / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
