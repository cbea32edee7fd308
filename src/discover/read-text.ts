/** One file's bytes read as text, or the reason they cannot be. */
import { join } from 'node:path';
import { formatBytes, readInsideSync, readRegularFileSync, UnsafePathError } from '../util/safe-fs.js';
import { decodeText } from '../util/text-encoding.js';

/**
 * Reads one file as text, or says why it cannot be. Symlinks are followed only to files inside root. A `plain` file
 * was listed by the walk through real directories only, so its path needs no resolving (no realpath per read).
 */
export function readText(
  realRoot: string,
  file: string,
  maxBytes: number,
  plain: boolean,
): string | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = plain
      ? readRegularFileSync(join(realRoot, file), maxBytes, file)
      : readInsideSync(realRoot, file, { maxBytes });
  } catch (error) {
    if (error instanceof UnsafePathError) return { reason: error.reason };
    return {
      reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  return textOf(bytes, maxBytes);
}

/**
 * The text of a file's bytes (UTF-8, or UTF-16 with a byte-order mark), or why they are no text: the same judgement
 * for a file on disk and an overlaid one.
 */
export function textOf(bytes: Buffer, maxBytes: number): string | { reason: string } {
  if (bytes.length > maxBytes) return { reason: `larger than ${formatBytes(maxBytes)}` };
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : decoded;
}
