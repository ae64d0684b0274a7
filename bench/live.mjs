// Live delivery: latency from the POST /kudos response to receipt on every socket,
// server CPU per delivered message, memory per idle socket — and a bare socket.io floor.
import { readFileSync } from 'node:fs';
import { percentile, request } from './load.mjs';
import { now, startReceivers } from './live-receivers.mjs';
import { freePort, startApp, startProcess } from './setup.mjs';

const LONE_KUDOS = 5;
const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (µs) and resident memory (bytes) of a process, from /proc. */
export function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpuMicros: (ticks * 1e6) / 100, rss };
}

/**
 * Sends kudos (or floor triggers) at `ratePerSec` for `seconds` — when lone, LONE_KUDOS of
 * them a second apart, each alone in its tick — waits until every socket has them (or
 * nothing more arrives for 3 s) and measures, per delivery, the delay from the send's
 * response to the socket's receipt.
 */
async function measure(receivers, { send, ratePerSec, seconds, lone, pid }) {
  const sentAt = new Map();
  let failures = 0;
  await receivers?.begin();
  const before = processUsage(pid);
  const rate = lone ? 1 : ratePerSec;
  const total = lone ? LONE_KUDOS : ratePerSec * seconds;
  const started = now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - now();
    if (wait > 0) {
      await sleep(wait);
    }
    // Caught at once: a failed send is counted, not an unhandled rejection mid-loop.
    pending.push(
      send(i).then(
        (id) => id && sentAt.set(id, now()),
        () => failures++,
      ),
    );
  }
  await Promise.all(pending);
  const writesDone = now();
  const expected = sentAt.size * (receivers?.count ?? 0);
  for (let last = -1, quietSince = now(); receivers; await sleep(100)) {
    const { deliveries } = await receivers.progress();
    if (deliveries >= expected || now() - quietSince > 3000) {
      break;
    }
    if (deliveries !== last) {
      last = deliveries;
      quietSince = now();
    }
  }
  await sleep(300); // what arrives after the last kudos: doubled deliveries would show here
  const after = processUsage(pid);
  const figures = {
    kudos: total,
    written: sentAt.size,
    failures,
    writeSeconds: round((writesDone - started) / 1000),
    serverCpuMicros: after.cpuMicros - before.cpuMicros,
  };
  if (!receivers) {
    return figures;
  }
  const { receipts, messages, lastAt } = await receivers.end();
  const latencies = [];
  for (const [id, times] of receipts) {
    const sent = sentAt.get(id);
    if (sent !== undefined) {
      times.forEach((t) => latencies.push(Math.max(0, t - sent)));
    }
  }
  latencies.sort((a, b) => a - b);
  // Per second over the time messages actually kept arriving (a queued burst outlasts its send window).
  const duration = Math.max(lone ? LONE_KUDOS : seconds, (lastAt - started) / 1000);
  return {
    ...figures,
    sockets: receivers.count,
    expectedDeliveries: expected,
    receivedDeliveries: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? null),
    messages,
    messagesPerSocketPerSec: round(messages / receivers.count / duration),
  };
}

/** One kudos alone, then a burst, with no screen connected. */
async function withoutScreens(send, pid, { burstRate, burstSeconds }) {
  const lone = await measure(null, { send, pid, lone: true });
  const burst = await measure(null, { send, pid, ratePerSec: burstRate, seconds: burstSeconds });
  return { lone, burst };
}

/** The server's own count of messages sent and the CPU its broadcasts took (process.cpuUsage). */
async function fanOut(statsUrl) {
  const { messagesSent, fanOutCpuMicros } = JSON.parse((await request(statsUrl)).text);
  return { messages: messagesSent, cpuMicros: fanOutCpuMicros };
}

/** Runs `phase` and returns its result with the server's CPU per message sent during it. */
async function withFanOutCpu(statsUrl, phase) {
  const before = await fanOut(statsUrl);
  const result = await phase();
  const after = await fanOut(statsUrl);
  const messages = after.messages - before.messages;
  return {
    ...result,
    serverMessagesSent: messages,
    fanOutCpuMicrosPerMessage: messages
      ? round((after.cpuMicros - before.cpuMicros) / messages)
      : null,
  };
}

/** Bravo: kudos over HTTP, received in `live.tick` on member sockets. */
export async function liveApi(app, org, { sockets: count, burstRate, burstSeconds }) {
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
  const load = { burstRate, burstSeconds };
  await withoutScreens(send, app.child.pid, load); // warm-up: JIT and pools, not measured
  // The same burst with no screen connected: what writing alone costs and how fast it goes.
  const alone = await withoutScreens(send, app.child.pid, load);
  const receivers = await startReceivers(app.url, count, {
    auth: { token: org.recipients[0].token },
    mode: 'tick',
  });
  try {
    const stats = `${app.url}/api/health/live`;
    const lone = await withFanOutCpu(stats, () =>
      measure(receivers, { send, pid: app.child.pid, lone: true }),
    );
    const burst = await withFanOutCpu(stats, () =>
      measure(receivers, {
        send,
        pid: app.child.pid,
        ratePerSec: burstRate,
        seconds: burstSeconds,
      }),
    );
    return { lone, burst, withoutSockets: alone.burst };
  } finally {
    await receivers.close();
  }
}

/** The floor: a bare socket.io server that broadcasts each HTTP trigger to every socket at once. */
export async function liveFloor({ sockets: count, burstRate, burstSeconds }) {
  const port = await freePort();
  const code = `
    const http = require('http'); const { Server } = require('socket.io');
    let n = 0; const sent = { messagesSent: 0, fanOutCpuMicros: 0 };
    const server = http.createServer((req, res) => {
      if (req.url === '/stats') { return res.end(JSON.stringify(sent)); }
      const id = String(++n);
      const before = process.cpuUsage();
      io.emit('kudos.created', { items: [{ id }] });
      const used = process.cpuUsage(before);
      sent.fanOutCpuMicros += used.user + used.system; sent.messagesSent += io.engine.clientsCount;
      res.end(id);
    });
    const io = new Server(server, { perMessageDeflate: false, serveClient: false });
    server.listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const floor = await startProcess(['-e', code], {}, 'ready');
  const url = `http://127.0.0.1:${port}`;
  const send = async () => (await request(`${url}/`, { method: 'POST' })).text;
  const load = { burstRate, burstSeconds };
  let receivers;
  try {
    await withoutScreens(send, floor.child.pid, load); // warm-up, not measured
    const alone = await withoutScreens(send, floor.child.pid, load);
    receivers = await startReceivers(url, count, { mode: 'floor' });
    const stats = `${url}/stats`;
    const lone = await withFanOutCpu(stats, () =>
      measure(receivers, { send, pid: floor.child.pid, lone: true }),
    );
    const burst = await withFanOutCpu(stats, () =>
      measure(receivers, {
        send,
        pid: floor.child.pid,
        ratePerSec: burstRate,
        seconds: burstSeconds,
      }),
    );
    return { lone, burst, withoutSockets: alone.burst };
  } finally {
    await receivers?.close();
    await floor.stop();
  }
}

/**
 * Resident memory a fresh server adds per idle connected socket (a server that has
 * just run bursts would hand sockets memory it already holds, and flatter the figure).
 */
export async function memoryPerSocket(databaseUrl, org, count) {
  const app = await startApp(databaseUrl);
  try {
    const warm = await startReceivers(app.url, 10, {
      auth: { token: org.recipients[0].token },
      mode: 'tick',
    });
    await sleep(1000);
    const before = processUsage(app.child.pid).rss;
    const receivers = await startReceivers(app.url, count, {
      auth: { token: org.recipients[0].token },
      mode: 'tick',
    });
    await sleep(2000);
    const after = processUsage(app.child.pid).rss;
    await receivers.close();
    await warm.close();
    return {
      sockets: count,
      bytesPerSocket: Math.round((after - before) / count),
      kbPerSocket: round((after - before) / count / 1024),
    };
  } finally {
    await app.stop();
  }
}
