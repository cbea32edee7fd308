import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pipenvInstall } from '../../src/model/install-args.js';
import { parsePipfile } from '../../src/parse/pipfile.js';
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
    'x==1.0,<2', // 24: pip intersects the clauses, so the == one pins it
    'y>=1.0,==1.*', // 25: a wildcard == is a range
    'z>=1.0, <2.0', // 26
    'w @ https://files.pythonhosted.org/packages/ab/w-1.0-py3-none-any.whl', // 27: the index never replaces a file
    'v @ https://example.com/v-1.0.tar.gz#sha256=abc', // 28
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
    [24, 'package', 'x', true],
    [25, 'package', 'y', false],
    [26, 'package', 'z', false],
    [27, 'url', 'w', true],
    [28, 'url', 'v', true],
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

test('Pipfile packages: exact versions pinned, "*", ranges and tables without a version not; dev packages on demand', () => {
  const text = [
    '[[source]]',
    'url = "https://pypi.org/simple"', // 2: not a package
    '[packages]',
    'django = "*"', // 4
    '"django-environ" = "==0.11.2"', // 5
    'psycopg = {version = ">=3.1", extras = ["binary"]}', // 6
    'whitenoise = {extras = ["brotli"], version = "==6.7.0"}', // 7
    'mylib = {git = "https://example.com/mylib.git", ref = "v1"}', // 8
    'local = {path = ".", editable = true}  # the app', // 9
    '[dev-packages]',
    'pytest = "*"', // 11
    '[requires]',
    'python_version = "3.12"',
  ].join('\n');
  const view = (dev: boolean) =>
    parsePipfile('Pipfile', text, dev).lines.map((l) => [l.line, l.kind, l.name ?? null, l.pinned]);
  assert.deepEqual(view(false), [
    [4, 'package', 'django', false],
    [5, 'package', 'django-environ', true],
    [6, 'package', 'psycopg', false],
    [7, 'package', 'whitenoise', true],
    [8, 'url', 'mylib', false],
    [9, 'path', 'local', false],
  ]);
  assert.deepEqual(view(true).at(-1), [11, 'package', 'pytest', false]);
  assert.equal(parsePipfile('Pipfile', text).manifest, 'pipfile');
});

test('pipenv install of the Pipfile: its flags; a package named, or -r, is not one', () => {
  assert.deepEqual(pipenvInstall(['pipenv', 'install', '--system', '--skip-lock']), {
    skipLock: true,
    dev: false,
    ignorePipfile: false,
  });
  assert.deepEqual(pipenvInstall(['python', '-m', 'pipenv', 'install', '--python', '3.12', '-d']), {
    skipLock: false,
    dev: true,
    ignorePipfile: false,
  });
  assert.equal(pipenvInstall(['pipenv', 'install', 'django']), undefined);
  assert.equal(pipenvInstall(['pipenv', 'install', '-r', 'requirements.txt']), undefined);
  assert.equal(pipenvInstall(['pipenv', 'sync']), undefined);
});
