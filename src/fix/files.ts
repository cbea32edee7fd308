import {
  closeSync,
  cpSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { MAX_FILE_BYTES } from '../discover/index.js';
import { readInsideSync, writeOwnFile } from '../util/safe-fs.js';
import { decodeText, encodeText, encodingOf, type TextEncoding } from '../util/text-encoding.js';

/** Files a fix edits are source files: a larger one is left alone. */
const MAX_FIX_BYTES = 1024 * 1024;

/** The text of a file of `root`, read safely (inside it, regular, bounded); undefined when it cannot be read. */
export function readText(root: string, file: string): string | undefined {
  try {
    const decoded = decodeText(readInsideSync(root, file, { maxBytes: MAX_FIX_BYTES }));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a file of `root` (creating or replacing it, never through a symbolic link leading out), in the encoding it
 * had: a UTF-16 requirements file stays UTF-16.
 */
export function writeText(root: string, file: string, text: string): void {
  let encoding: TextEncoding = 'utf-8';
  try {
    encoding = encodingOf(readInsideSync(root, file, { maxBytes: MAX_FIX_BYTES }));
  } catch {
    // a new file, or one that cannot be read: written as UTF-8
  }
  writeOwnFile(join(root, file), encodeText(text, encoding), [root]);
}

/**
 * The most files (and directories) the scratch copy takes: above it the copy would cost more than a smoke test of the
 * fixed tree is worth, so a project that large gets its fixes without one.
 */
const MAX_SCRATCH_ENTRIES = 20_000;

/** Thrown when the scanned directory holds more entries than the scratch copy takes. */
export class ScratchTooLarge extends Error {
  override name = 'ScratchTooLarge';
}

/** A copy of the scanned directory in a temporary directory, where the fixed tree is built for its smoke test. */
export interface Scratch {
  dir: string;
  write(file: string, text: string | undefined): void;
  dispose(): void;
}

export function makeScratch(root: string, maxEntries = MAX_SCRATCH_ENTRIES): Scratch {
  const base = mkdtempSync(join(tmpdir(), 'tfr-fix-'));
  const dir = join(base, 'tree');
  let entries = 0;
  try {
    copyTree(root, dir, () => {
      if (++entries > maxEntries)
        throw new ScratchTooLarge(
          `the project holds more than ${maxEntries} files and directories outside .git, more than the copy of the fixed tree takes`,
        );
    });
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    write(file, text) {
      if (text === undefined) rmSync(join(dir, file), { force: true });
      else writeText(dir, file, text);
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Copies `root` to `dir`, .git left out; `counted` is called for each entry copied, and may throw to stop. */
function copyTree(root: string, dir: string, counted: () => void): void {
  // Symbolic links are copied as they are, so a link out of the tree stays one (and discovery keeps refusing it).
  cpSync(root, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      if (/[\\/]\.git$/.test(source)) return false;
      if (source !== root) counted();
      const stat = lstatSync(source);
      if (!stat.isFile() || stat.size <= MAX_FILE_BYTES) return true;
      // Over the analysis's read cap it is only judged by its size: a sparse file of that size stands in, so a
      // hostile repository's large files cost no copy and no disk.
      const target = join(dir, relative(root, source));
      mkdirSync(dirname(target), { recursive: true });
      const fd = openSync(target, 'w');
      try {
        ftruncateSync(fd, stat.size);
      } finally {
        closeSync(fd);
      }
      return false;
    },
  });
}
