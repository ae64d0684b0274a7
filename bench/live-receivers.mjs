// The receiving side of the live benchmark: socket.io clients in worker threads, so decoding
// a thousand sockets' messages does not delay the thread that sends kudos and times responses.
// Times are process.hrtime (CLOCK_MONOTONIC), the same clock in every thread.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** How a message names the kudos it delivers: Bravo's `live.tick`, or the floor's `kudos.created`. */
const RECEIVE = {
  tick: {
    event: 'live.tick',
    ids: (p) => [
      ...(p['kudos.created']?.items ?? []).map((k) => k.id),
      ...(p['kudos.created']?.more ?? []),
    ],
  },
  floor: { event: 'kudos.created', ids: (p) => p.items.map((k) => k.id) },
};

async function connectMany(url, count, auth) {
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

/** Worker: connects its share of sockets, then records receipts between `begin` and `end`. */
async function receiver({ url, count, auth, mode }) {
  const sockets = await connectMany(url, count, auth);
  const { event, ids } = RECEIVE[mode];
  let receipts = new Map(); // kudos id → receipt times
  let messages = 0;
  let deliveries = 0;
  let lastAt = 0;
  for (const socket of sockets) {
    socket.on(event, (payload) => {
      const at = now();
      messages++;
      lastAt = at;
      for (const id of ids(payload)) {
        deliveries++;
        const times = receipts.get(id) ?? [];
        times.push(at);
        receipts.set(id, times);
      }
    });
  }
  parentPort.on('message', (command) => {
    if (command === 'begin') {
      receipts = new Map();
      messages = deliveries = lastAt = 0;
    } else if (command === 'progress') {
      parentPort.postMessage({ deliveries, lastAt });
    } else if (command === 'end') {
      parentPort.postMessage({ receipts, messages, deliveries, lastAt });
    } else if (command === 'close') {
      sockets.forEach((s) => s.close());
      parentPort.postMessage('closed');
    }
  });
  parentPort.postMessage('ready');
}

function ask(worker, command) {
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(command);
  });
}

/** `count` sockets spread over `threads` worker threads; `mode` is 'tick' (Bravo) or 'floor'. */
export async function startReceivers(url, count, { auth = {}, mode, threads = 2 }) {
  const workers = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const share = Math.floor(count / threads) + (t < count % threads ? 1 : 0);
      const worker = new Worker(new URL(import.meta.url), {
        workerData: { url, count: share, auth, mode },
      });
      return new Promise((resolve, reject) => {
        worker.once('message', () => resolve(worker));
        worker.once('error', reject);
      });
    }),
  );
  const all = (command) => Promise.all(workers.map((w) => ask(w, command)));
  return {
    count,
    begin: async () => void (await Promise.all(workers.map((w) => w.postMessage('begin')))),
    /** Deliveries so far and when the last message arrived. */
    progress: async () => {
      const parts = await all('progress');
      return {
        deliveries: parts.reduce((n, p) => n + p.deliveries, 0),
        lastAt: Math.max(...parts.map((p) => p.lastAt)),
      };
    },
    end: async () => {
      const parts = await all('end');
      const receipts = new Map();
      for (const part of parts) {
        for (const [id, times] of part.receipts) {
          receipts.set(id, [...(receipts.get(id) ?? []), ...times]);
        }
      }
      return {
        receipts,
        messages: parts.reduce((n, p) => n + p.messages, 0),
        lastAt: Math.max(...parts.map((p) => p.lastAt)),
      };
    },
    close: async () => {
      await all('close');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

if (!isMainThread) {
  void receiver(workerData);
}
