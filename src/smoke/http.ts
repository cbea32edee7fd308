import http from 'node:http';

export interface HttpAnswer {
  /** HTTP status when the server answered. */
  status?: number;
  /** Why there was no answer (connection refused, reset, timeout). */
  error?: string;
}

/** GET http://127.0.0.1:PORT/PATH; injected into the orchestration so tests need no server. */
export type HttpProbe = (port: number, path: string, timeoutMs: number) => Promise<HttpAnswer>;

/** Body read at most: the status is what the probe wants; the rest only lets the server finish writing. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Status line and headers read at most (Node refuses more with a parse error). */
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * One deadline for the whole exchange (connect, status line, headers, body), not an idle timeout that a server
 * trickling a byte at a time keeps resetting. The body is read up to MAX_BODY_BYTES, then the connection is closed.
 */
export const nodeHttpProbe: HttpProbe = (port, path, timeoutMs) =>
  new Promise((resolve) => {
    let status: number | undefined;
    let settled = false;
    const finish = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      resolve(answer);
    };
    // As behind a TLS-terminating proxy: apps that trust X-Forwarded-Proto answer instead of redirecting to https.
    const headers = { 'X-Forwarded-Proto': 'https' };
    const req = http.get(
      { host: '127.0.0.1', port, path, agent: false, headers, maxHeaderSize: MAX_HEADER_BYTES },
      (res) => {
        status = res.statusCode;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read >= MAX_BODY_BYTES) finish({ status });
        });
        res.on('end', () => finish({ status }));
        res.on('error', () => finish({ status }));
      },
    );
    // The status counts once the headers are in; a body still coming at the deadline is cut.
    const deadline = setTimeout(
      () =>
        finish(
          status !== undefined ? { status } : { error: `no status line and headers within ${timeoutMs} ms` },
        ),
      timeoutMs,
    );
    req.on('error', (error) => finish(status !== undefined ? { status } : { error: error.message }));
  });
