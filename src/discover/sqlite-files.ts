/** SQLite databases named otherwise than `*.sqlite3`, told by the header every SQLite 3 file starts with. */
import { baseName } from './classify.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/**
 * Names a database file is given besides `*.sqlite3` (which is known by name): none at all, or a database extension.
 * A dot file is a tool's own store (coverage.py's `.coverage` is SQLite too), never the app's database.
 */
const DATABASE_NAME = /^[^.]+$|^[^.].*\.(db|db3|sqlite|sqlite2|s3db|sl3|sqlitedb|data)$/i;
// Headers read at most: beyond this many candidates the others go unread (discovery stays cheap).
const MAX_CANDIDATES = 2_000;

/**
 * The listed files (not `*.sqlite3`) whose first bytes are SQLite's header; `readHead` gives a file's first bytes,
 * or undefined when it cannot be read.
 */
export function sqliteHeaderFiles(
  files: readonly string[],
  readHead: (file: string, length: number) => Buffer | undefined,
): string[] {
  const candidates = files
    .filter((f) => !/\.sqlite3$/i.test(f) && DATABASE_NAME.test(baseName(f)))
    .slice(0, MAX_CANDIDATES);
  return candidates.filter((f) => readHead(f, SQLITE_HEADER.length)?.equals(SQLITE_HEADER) === true);
}
