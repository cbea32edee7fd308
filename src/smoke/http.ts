import http from 'node:http';

export interface HttpAnswer {
  /** HTTP status when the server answered. */
  status?: number;
  /** Why there was no answer (connection refused, reset, timeout). */
  error?: string;
}

/** GET http://127.0.0.1:PORT/PATH; injected into the orchestration so tests need no server. */
export type HttpProbe = (port: number, path: string, timeoutMs: number) => Promise<HttpAnswer>;

export const nodeHttpProbe: HttpProbe = (port, path, timeoutMs) =>
  new Promise((resolve) => {
    // As behind a TLS-terminating proxy: apps that trust X-Forwarded-Proto answer instead of redirecting to https.
    const headers = { 'X-Forwarded-Proto': 'https' };
    const req = http.get(
      { host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs, headers },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ error: error.message }));
  });
