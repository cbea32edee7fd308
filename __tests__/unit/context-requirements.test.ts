import assert from 'node:assert/strict';
import { test } from 'node:test';
import { includedFile, parseRequirements } from '../../src/parse/requirements.js';

test('requirements lines: names, exact pins, hashes, includes, options, markers, extras', () => {
  const text = [
    '# a comment', // 1
    'Django==4.2.11', // 2
    'psycopg2-binary>=2.9', // 3
    'gunicorn', // 4
    "requests[security]==2.31.0 ; python_version < '3.12'", // 5
    'attrs===23.1.0', // 6
    'numpy==1.*', // 7
    'six==1.16.0 \\', // 8
    '    --hash=sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926', // 9
    'whitenoise \\', // 10
    '  --hash=sha256:abc', // 11
    '-r base.txt', // 12
    '--requirement=other.txt', // 13
    '-rthird.txt', // 14
    '-c constraints.txt', // 15
    '--index-url https://pypi.org/simple', // 16
    '-e git+https://github.com/x/y.git#egg=y', // 17
    'pkg @ https://example.com/pkg-1.0.tar.gz', // 18
    './local/pkg', // 19
    'Django ~= 4.2', // 20
    'django==4.2 # pinned', // 21
    '', // 22
    'celery[redis] == 5.3.6', // 23
    'x==1.0,<2', // 24
  ].join('\n');
  const { lines } = parseRequirements('requirements.txt', text);
  const view = lines.map((l) => [l.line, l.kind, l.name ?? null, l.pinned]);
  assert.deepEqual(view, [
    [2, 'package', 'Django', true],
    [3, 'package', 'psycopg2-binary', false],
    [4, 'package', 'gunicorn', false],
    [5, 'package', 'requests', true],
    [6, 'package', 'attrs', true],
    [7, 'package', 'numpy', false],
    [8, 'package', 'six', true],
    [10, 'package', 'whitenoise', true],
    [12, 'include', null, true],
    [13, 'include', null, true],
    [14, 'include', null, true],
    [15, 'option', null, true],
    [16, 'option', null, true],
    [17, 'editable', null, false],
    [18, 'url', 'pkg', false],
    [19, 'path', null, false],
    [20, 'package', 'Django', false],
    [21, 'package', 'django', true],
    [23, 'package', 'celery', true],
    [24, 'package', 'x', false],
  ]);
  assert.deepEqual(lines.map(includedFile).filter(Boolean), ['base.txt', 'other.txt', 'third.txt']);
});

test('CRLF, a BOM and a trailing backslash at the end of the file do not confuse the parser', () => {
  const { lines } = parseRequirements('r.txt', '\uFEFFdjango==4.2\r\ngunicorn==21.2.0 \\');
  assert.deepEqual(
    lines.map((l) => [l.line, l.name, l.pinned]),
    [
      [1, 'django', true],
      [2, 'gunicorn', true],
    ],
  );
});
