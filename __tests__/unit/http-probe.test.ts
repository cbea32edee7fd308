// The HTTP probe against hostile servers on 127.0.0.1: each server stops by itself after a few seconds, so a probe
// without its own deadline ends too (and the test fails on what it got) instead of hanging the suite.
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import { MAX_BODY_BYTES, nodeHttpProbe } from '../../src/smoke/http.js';

/** How long a hostile server keeps at it before it gives up and closes the connection itself. */
const SERVER_GIVES_UP_MS = 6_000;

interface Served {
  port: number;
  /** Resolves once the connection is over: `byClient` when the probe closed it before the server gave up. */
  over: Promise<{ byClient: boolean; bytesSent: number }>;
  close: () => void;
}

/** A TCP server speaking just enough HTTP; `talk` writes to the one connection it takes. */
async function serve(talk: (socket: Socket, sent: (n: number) => void) => void): Promise<Served> {
  let settle!: (v: { byClient: boolean; bytesSent: number }) => void;
  const over = new Promise<{ byClient: boolean; bytesSent: number }>((r) => (settle = r));
  const server = createServer((socket) => {
    let bytesSent = 0;
    let gaveUp = false;
    socket.on('error', () => undefined);
    const stop = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, SERVER_GIVES_UP_MS);
    socket.on('close', () => {
      clearTimeout(stop);
      settle({ byClient: !gaveUp, bytesSent });
    });
    socket.once('data', () => talk(socket, (n) => (bytesSent += n)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, over, close: () => server.close() };
}

/** Writes `text` a byte every 50 ms while the connection lasts. */
function trickle(socket: Socket, text: string, sent: (n: number) => void) {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(text[i % text.length]);
    sent(1);
    i++;
  }, 50);
  socket.on('close', () => clearInterval(timer));
}

test('a server that trickles its headers a byte at a time gets no answer past the deadline', async () => {
  const s = await serve((socket, sent) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    trickle(socket, 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n', sent);
  });
  try {
    const answer = await nodeHttpProbe(s.port, '/', 1_000);
    assert.deepEqual(answer, { error: 'no status line and headers within 1000 ms' });
    assert.equal((await s.over).byClient, true, 'the probe closed the connection');
  } finally {
    s.close();
  }
});

test('a server that trickles its status line is cut off at the deadline', async () => {
  const s = await serve((socket, sent) => trickle(socket, 'HTTP/1.1 200 OK', sent));
  try {
    assert.deepEqual(await nodeHttpProbe(s.port, '/', 1_000), {
      error: 'no status line and headers within 1000 ms',
    });
    assert.equal((await s.over).byClient, true);
  } finally {
    s.close();
  }
});

test('a body that trickles forever: the status counts, the connection is closed at the deadline', async () => {
  const s = await serve((socket, sent) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n');
    trickle(socket, 'body', sent);
  });
  try {
    assert.deepEqual(await nodeHttpProbe(s.port, '/', 1_000), { status: 200 });
    assert.equal((await s.over).byClient, true, 'the probe did not stay to read the body');
  } finally {
    s.close();
  }
});

test('a huge body is read up to the cap, then the connection is closed', async () => {
  const total = 64 * 1024 * 1024;
  const s = await serve((socket, sent) => {
    socket.write(`HTTP/1.1 500 Internal Server Error\r\nContent-Length: ${total}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    const pump = () => {
      while (written < total && !socket.destroyed) {
        written += chunk.length;
        sent(chunk.length);
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
  try {
    assert.deepEqual(await nodeHttpProbe(s.port, '/', 30_000), { status: 500 });
    const over = await s.over;
    assert.equal(over.byClient, true);
    assert.ok(over.bytesSent < total / 2, `the probe stopped reading (${over.bytesSent} bytes sent)`);
    assert.ok(MAX_BODY_BYTES < total / 64);
  } finally {
    s.close();
  }
});

test('a server that answers at once is read as before', async () => {
  const s = await serve((socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno'));
  try {
    assert.deepEqual(await nodeHttpProbe(s.port, '/', 5_000), { status: 404 });
  } finally {
    s.close();
  }
});
