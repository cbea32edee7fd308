import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sqliteHeaderFiles } from '../../src/discover/sqlite-files.js';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

test('SQLite files are told by their header among names a database is given, never among dot files', () => {
  const heads: Record<string, Buffer> = {
    'app/data/local': HEADER,
    'app/monitoring.db': HEADER,
    'app/.coverage': HEADER,
    '.coverage': HEADER,
    'app/notes': Buffer.from('just some text', 'latin1'),
    'app/db.sqlite3': HEADER,
    'app/report.txt': HEADER,
  };
  const read: string[] = [];
  const found = sqliteHeaderFiles(Object.keys(heads), (f, length) => {
    read.push(f);
    return heads[f]?.subarray(0, length);
  });
  assert.deepEqual(found, ['app/data/local', 'app/monitoring.db']);
  // `*.sqlite3` is known by name, a `.txt` is no database name, and a dot file is a tool's: none of them is read.
  assert.deepEqual(read, ['app/data/local', 'app/monitoring.db', 'app/notes']);
});
