// The CLI's output straight to file descriptors 1 and 2: process.stdout on a pipe is a net.Socket, and creating it
// loads the stream and net modules, a sizeable part of a short run.
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Waits `ms` without spinning: a descriptor another process left non-blocking can refuse a write for a moment. */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Writes all of `text` to `fd`; a reader that went away (EPIPE) ends the writing quietly, as `head` expects. */
export function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(1);
      else if (code === 'EPIPE') return;
      else throw error;
    }
  }
}

/** Whether `fd` is a terminal; only a character device can be one, so a pipe or a file never loads node:tty. */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}
