// Live delivery: latency from the POST /kudos response to receipt on every socket,
// server CPU per delivered message, memory per idle socket — and a bare socket.io floor.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { percentile, request } from './load.mjs';
import { freePort, startProcess } from './setup.mjs';

const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (µs) and resident memory (bytes) of a process, from /proc. */
export function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpuMicros: (ticks * 1e6) / 100, rss };
}

export async function connectMany(url, count, auth) {
  const sockets = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, () => {
      const socket = io(url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth,
        reconnection: false,
        forceNew: true,
      });
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/**
 * Sends kudos (or floor triggers) at `ratePerSec` for `seconds` (or one, when lone) and
 * measures, per delivered id, the delay from the send's response to each socket's receipt.
 */
async function measure(sockets, { send, extractIds, event, ratePerSec, seconds, lone, pid }) {
  const sentAt = new Map();
  const receipts = []; // [id, time]: a broadcast may arrive before the sender has its response
  const perSocket = new Array(sockets.length).fill(0);
  sockets.forEach((socket, i) =>
    socket.on(event, (payload) => {
      const now = performance.now();
      perSocket[i]++;
      for (const id of extractIds(payload)) {
        receipts.push([id, now]);
      }
    }),
  );
  const before = processUsage(pid);
  const total = lone ? 1 : ratePerSec * seconds;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / (lone ? 1 : ratePerSec);
    const wait = due - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    pending.push(send(i).then((id) => id && sentAt.set(id, performance.now())));
  }
  await Promise.all(pending);
  await sleep(1500);
  const after = processUsage(pid);
  sockets.forEach((socket) => socket.off(event));
  const latencies = receipts
    .filter(([id]) => sentAt.has(id))
    .map(([id, time]) => Math.max(0, time - sentAt.get(id)))
    .sort((a, b) => a - b);
  const delivered = perSocket.reduce((a, b) => a + b, 0);
  // Per second over the time messages actually kept arriving (a queued burst outlasts its send window).
  const lastReceipt = receipts.reduce((last, [, time]) => Math.max(last, time), started);
  const duration = Math.max(lone ? 1 : seconds, (lastReceipt - started) / 1000);
  return {
    kudos: total,
    sockets: sockets.length,
    expectedDeliveries: total * sockets.length,
    receivedDeliveries: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    messagesPerSocketPerSec: round(delivered / sockets.length / duration),
    serverCpuMicrosPerMessage: delivered
      ? round((after.cpuMicros - before.cpuMicros) / delivered)
      : null,
  };
}

/** Bravo: kudos over HTTP, received as `kudos.created` on member sockets. */
export async function liveApi(app, org, { sockets: count, burstRate, burstSeconds }) {
  const sockets = await connectMany(app.url, count, { token: org.recipients[0].token });
  const send = async (i) => {
    const giver = org.givers[i % org.givers.length];
    const res = await request(`${app.url}/api/v1/kudos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${giver.token}` },
      body: {
        recipientIds: [org.recipients[1 + (i % (org.recipients.length - 1))].member.id],
        valueId: org.valueId,
        message: `Live bench #${i}`,
        points: 1,
      },
    });
    return res.status === 201 ? JSON.parse(res.text).id : null;
  };
  try {
    return await loneAndBurst(sockets, send, app.child.pid, BRAVO_TICK, {
      burstRate,
      burstSeconds,
    });
  } finally {
    sockets.forEach((s) => s.close());
  }
}

/** Bravo sends each tick as one `live.tick`; the floor sends plain `kudos.created`. */
const BRAVO_TICK = {
  event: 'live.tick',
  extractIds: (p) => (p['kudos.created']?.items ?? []).map((k) => k.id),
};
const FLOOR_EVENT = { event: 'kudos.created', extractIds: (p) => p.items.map((k) => k.id) };

/** One kudos alone, then a burst, received by every socket. */
async function loneAndBurst(sockets, send, pid, receive, { burstRate, burstSeconds }) {
  const common = { send, ...receive, pid };
  const lone = await measure(sockets, { ...common, lone: true });
  const burst = await measure(sockets, { ...common, ratePerSec: burstRate, seconds: burstSeconds });
  return { lone, burst };
}

/** The floor: a bare socket.io server that broadcasts each HTTP trigger to every socket at once. */
export async function liveFloor({ sockets: count, burstRate, burstSeconds }) {
  const port = await freePort();
  const code = `
    const http = require('http'); const { Server } = require('socket.io');
    let n = 0;
    const server = http.createServer((req, res) => { const id = String(++n); io.emit('kudos.created', { items: [{ id }] }); res.end(id); });
    const io = new Server(server, { perMessageDeflate: false, serveClient: false });
    server.listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const floor = await startProcess(['-e', code], {}, 'ready');
  const url = `http://127.0.0.1:${port}`;
  const sockets = await connectMany(url, count, {});
  const send = async () => (await request(`${url}/`, { method: 'POST' })).text;
  try {
    return await loneAndBurst(sockets, send, floor.child.pid, FLOOR_EVENT, {
      burstRate,
      burstSeconds,
    });
  } finally {
    sockets.forEach((s) => s.close());
    await floor.stop();
  }
}

/** Resident memory the server adds per idle connected socket. */
export async function memoryPerSocket(app, org, count) {
  global.gc?.();
  const before = processUsage(app.child.pid).rss;
  const sockets = await connectMany(app.url, count, { token: org.recipients[0].token });
  await sleep(2000);
  const after = processUsage(app.child.pid).rss;
  sockets.forEach((s) => s.close());
  return {
    sockets: count,
    bytesPerSocket: Math.round((after - before) / count),
    kbPerSocket: round((after - before) / count / 1024),
  };
}
