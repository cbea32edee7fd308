import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { plainCommands } from '../../src/parse/plain-shell.js';
import { fullParserCalls, parseShell, parseShellFully } from '../../src/parse/shell.js';

const piece = fc.constantFrom(
  'pip',
  'install',
  'pkg==1.0',
  '-r',
  'requirements.txt',
  'exec',
  '-a',
  'name',
  'gunicorn',
  'sh',
  '/bin/bash',
  'if',
  'done',
  'export',
  'A=1',
  'x+=2',
  '==x',
  'a,b',
  'u@h:p',
  '50%',
  '.',
  '-',
  '--',
  ' ',
  ' ',
  '\t',
  '\n',
  ';',
  ';;',
  '&&',
  '||',
  '|',
  '&',
  '|&',
  ' \\\n',
  '\\\n',
  '\\',
  '#',
  '$X',
  '"q"',
  "'q'",
  '>',
  '*',
  '-c',
  'sh -c ',
  'bash -ec ',
  '"a b"',
  "'x && y'",
  '"pip install x && python m.py runserver"',
  `"sh -c 'a b; c'"`,
  "'a\nb'",
  '"a\nb"',
  '""',
  '"if"',
  '"A=1"',
  '"$Y"',
  '"a\\b"',
  '"`c`"',
  '"',
  "'",
  '!',
  '"!"',
  ' > out.log',
  '>>',
  '<',
  ' 2>&1',
  '2>',
  '>&',
  '<<',
  '&>',
  '1',
  ' < in',
  '>|',
);

test('a plain script reads as the full parser reads it, and anything else is left to the full parser', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), fc.integer({ min: 1, max: 50 }), (pieces, firstLine) => {
      const text = pieces.join('');
      const full = parseShellFully(text, firstLine);
      if (plainCommands(text) === undefined) return;
      assert.equal(full.parseError, undefined, `the full parser rejects ${JSON.stringify(text)}`);
      assert.deepEqual(parseShell(text, firstLine), full, JSON.stringify(text));
    }),
    { numRuns: 4000 },
  );
});

test('the fast reading covers the plain RUN lines of a Dockerfile and quotes without expansions, not expansion', () => {
  assert.ok(
    plainCommands(
      'pip install --no-cache-dir -r requirements.txt && \\\n    python manage.py collectstatic --noinput',
    ),
  );
  assert.ok(plainCommands('apt-get update\napt-get install -y libpq5 | tee log'));
  assert.deepEqual(plainCommands(`sh -c "pip install x &&\n python m.py" 'a b'`), [
    {
      argv: ['sh', '-c', 'pip install x &&\n python m.py', 'a b'],
      line: 1,
      wordLines: [1, 1, 1, 2],
      redirects: [],
    },
  ]);
  for (const text of [
    'echo "$HOME"',
    'echo "a\\"b"',
    "echo 'open",
    'A=1 cmd',
    'if true; then x; fi',
    'cmd <<EOF\nx\nEOF',
    '> out cmd',
    'ls *.py',
    'a & b',
    'x # c',
    'a\\\nb',
  ])
    assert.equal(plainCommands(text), undefined, text);
});

test('a plain `sh -c` script is read without the full parser, its commands on their own lines', () => {
  const before = fullParserCalls.count;
  const script = parseShell(
    `exec sh -c "pip install gunicorn &&\n python manage.py runserver 0.0.0.0:8000"`,
    7,
  );
  assert.equal(fullParserCalls.count, before, 'the full parser was used');
  assert.deepEqual(script, {
    commands: [
      {
        argv: ['sh', '-c', 'pip install gunicorn &&\n python manage.py runserver 0.0.0.0:8000'],
        line: 7,
        redirects: [],
        viaExec: true,
      },
      { argv: ['pip', 'install', 'gunicorn'], line: 7, redirects: [], viaExec: false },
      {
        argv: ['python', 'manage.py', 'runserver', '0.0.0.0:8000'],
        line: 8,
        redirects: [],
        viaExec: false,
        after: '&&',
      },
    ],
    assignments: [],
  });
  assert.deepEqual(
    script,
    parseShellFully(`exec sh -c "pip install gunicorn &&\n python manage.py runserver 0.0.0.0:8000"`, 7),
  );
});

test('plain redirections are read without the full parser, as it reads them', () => {
  const before = fullParserCalls.count;
  const text = 'gunicorn mysite.wsgi > /app/server.log 2>&1 --workers 2 >>"a b" < in';
  const script = parseShell(text, 3);
  assert.equal(fullParserCalls.count, before, 'the full parser was used');
  assert.deepEqual(script.commands[0].redirects, [
    { op: '>', target: '/app/server.log' },
    { op: '2>&', target: '1' },
    { op: '>>', target: 'a b' },
    { op: '<', target: 'in' },
  ]);
  assert.deepEqual(script, parseShellFully(text, 3));
});

test('each command records the && or || it follows, in both readings; a new line, `;` or a pipe starts afresh', () => {
  for (const text of ['a && b || c; d | e\nf &&\n g', 'a && b || c; d | e\nf &&\n g "$X"']) {
    const commands = parseShell(text).commands;
    assert.deepEqual(
      commands.map((c) => [c.argv[0], c.after]),
      [
        ['a', undefined],
        ['b', '&&'],
        ['c', '||'],
        ['d', undefined],
        ['e', undefined],
        ['f', undefined],
        ['g', '&&'],
      ],
      text,
    );
    assert.deepEqual(commands, parseShellFully(text).commands, text);
  }
});
