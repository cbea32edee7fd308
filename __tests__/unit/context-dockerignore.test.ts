import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerignoreMatcher, parseDockerignore, sentFiles } from '../../src/parse/dockerignore.js';

const excludes = (ignore: string, path: string) =>
  new DockerignoreMatcher(parseDockerignore('.dockerignore', ignore)).excludes(path);

// [dockerignore, path, excluded] — expectations follow moby/patternmatcher, which `docker build` uses.
const CASES: [string, string, boolean][] = [
  ['.git', '.git', true],
  ['.git', '.git/config', true],
  ['.git', 'sub/.git', false], // patterns are anchored at the context root
  ['**/.git', 'sub/.git/config', true],
  ['*.sqlite3', 'db.sqlite3', true],
  ['*.sqlite3', 'data/db.sqlite3', false],
  ['**/*.sqlite3', 'data/db.sqlite3', true],
  ['**/*.sqlite3', 'db.sqlite3', true],
  ['__pycache__', 'mysite/__pycache__/x.pyc', false],
  ['**/__pycache__', 'mysite/__pycache__/x.pyc', true],
  ['**/__pycache__', '__pycache__/x.pyc', true],
  ['*.pyc', 'a.pyc', true],
  ['*/*.pyc', 'mysite/a.pyc', true],
  ['*/*.pyc', 'a.pyc', false],
  ['/build', 'build/x', true],
  ['./build/', 'build/x', true],
  ['build/', 'build', true],
  ['docs/**', 'docs/a/b.md', true],
  ['docs/**', 'docs', false], // the directory itself stays; what is below goes
  ['docs/**/*.md', 'docs/a.md', true],
  ['docs/**/*.md', 'docs/a/b/c.md', true],
  ['docs/**/*.md', 'docs/a/b/c.txt', false],
  ['**', 'anything/at/all', true],
  ['*', 'top', true],
  ['*', 'dir/file', true], // `*` matches the directory, so everything below it
  ['file?.txt', 'file1.txt', true],
  ['file?.txt', 'file10.txt', false],
  ['file?.txt', 'file/.txt', false],
  ['[abc].txt', 'b.txt', true],
  ['[abc].txt', 'd.txt', false],
  ['[a-c].txt', 'b.txt', true],
  ['[^a].txt', 'a.txt', false],
  ['[^a].txt', 'b.txt', true],
  ['[!a].txt', 'b.txt', true],
  ['\\*.txt', '*.txt', true],
  ['\\*.txt', 'a.txt', false],
  ['.env*', '.env', true],
  ['.env*', '.env.production', true],
  ['.env*', 'mysite/.env', false],
  ['*\n!keep.txt', 'keep.txt', false],
  ['*\n!keep.txt', 'other.txt', true],
  ['!keep.txt\n*', 'keep.txt', true], // last match wins
  ['docs\n!docs/README.md', 'docs/README.md', false],
  ['docs\n!docs/README.md', 'docs/other.md', true],
  ['.env*\n!.env.example', '.env.example', false],
  ['.env*\n!.env.example', '.env.local', true],
  ['# .git', '.git', false], // a comment
  [' # .git', '.git', false], // trimmed afterwards: still not a pattern that matches .git
  ['.git   ', '.git', true], // trailing spaces trimmed
  ['   .git', '.git', true],
  ['a/../b', 'b/x', true], // cleaned like filepath.Clean
  ['', 'x', false],
  ['\n\n', 'x', false],
  ['node_modules', 'node_modules', true],
  ['venv\n.venv', '.venv', true],
  ['mysite/*.py', 'mysite/settings.py', true],
  ['mysite/*.py', 'mysite/sub/settings.py', false],
  ['[', 'x', false], // a bad pattern matches nothing
  ['**/x/**', 'a/b/x/c', true],
  ['a**b', 'aXYb', false], // `**` not followed by the end means `(.*/)?`
  ['a**b', 'a/x/b', true],
];

test('.dockerignore matching follows Docker', () => {
  for (const [ignore, path, expected] of CASES) {
    assert.equal(excludes(ignore, path), expected, `${JSON.stringify(ignore)} on ${path}`);
  }
});

test('parsing keeps the line of each pattern and the negation, drops comments and blanks', () => {
  const model = parseDockerignore('.dockerignore', '\uFEFF# comment\n\n./.git/\n!  keep \r\n/abs\n');
  assert.deepEqual(model.patterns, [
    { pattern: '.git', negated: false, line: 3 },
    { pattern: 'keep', negated: true, line: 4 },
    { pattern: 'abs', negated: false, line: 5 },
  ]);
});

test('sentFiles keeps everything without a .dockerignore and filters with one', () => {
  const files = ['.env', 'manage.py', 'db.sqlite3', 'mysite/settings.py'];
  assert.deepEqual(sentFiles(files, undefined), files);
  assert.deepEqual(sentFiles(files, parseDockerignore('.dockerignore', '.env\n*.sqlite3\n')), [
    'manage.py',
    'mysite/settings.py',
  ]);
});
