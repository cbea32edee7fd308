import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../src/parse/shell.js';
import { WorkingDirectory } from '../../src/model/command/working-directory.js';

const argvs = (text: string, first = 1) =>
  parseShell(text, first).commands.map((c) => [c.line, c.argv.join(' ')]);

test('simple commands are found through &&, ||, ;, pipelines, subshells, if/while/for/case and functions', () => {
  const text = [
    'set -e; apt-get update && apt-get install -y gcc || true',
    '(cd /app && make) | tee build.log',
    'if [ -f x ]; then echo yes; elif test -d y; then run y; else other; fi',
    'while true; do sleep 1; done; for f in a b; do echo $f; done',
    'case "$1" in web) exec gunicorn app.wsgi;; *) exec "$@";; esac',
    'start() { python manage.py runserver; }',
  ].join('\n');
  assert.deepEqual(argvs(text, 10), [
    [10, 'set -e'],
    [10, 'apt-get update'],
    [10, 'apt-get install -y gcc'],
    [10, 'true'],
    [11, 'cd /app'],
    [11, 'make'],
    [11, 'tee build.log'],
    [12, '[ -f x ]'],
    [12, 'echo yes'],
    [12, 'test -d y'],
    [12, 'run y'],
    [12, 'other'],
    [13, 'true'],
    [13, 'sleep 1'],
    [13, 'echo $f'],
    [14, 'gunicorn app.wsgi'],
    [14, '$@'],
    [15, 'python manage.py runserver'],
  ]);
});

test('words are unquoted; expansions keep their $ text; command substitutions are not run', () => {
  const [c] = parseShell(
    `gunicorn -b "0.0.0.0:\${PORT:-8000}" 'my app' a\\ b $'x\\ty' --name=$NAME "$(hostname)"`,
  ).commands;
  assert.deepEqual(c.argv, [
    'gunicorn',
    '-b',
    '0.0.0.0:${PORT:-8000}',
    'my app',
    'a b',
    'x\ty',
    '--name=$NAME',
    '$(hostname)',
  ]);
});

test('exec is recorded and removed from argv; redirects are kept', () => {
  // each in a script of its own: the commands after `exec gunicorn` never run, and are not read
  const cmds = [
    ...parseShell('exec gunicorn app.wsgi >> /var/log/app.log 2>&1').commands,
    ...parseShell('\nexec > /tmp/out\nexec "$@"').commands,
  ];
  assert.deepEqual(cmds[0], {
    argv: ['gunicorn', 'app.wsgi'],
    line: 1,
    redirects: [
      { op: '>>', target: '/var/log/app.log' },
      { op: '2>&', target: '1' },
    ],
    viaExec: true,
  });
  assert.deepEqual(cmds[1], {
    argv: [],
    line: 2,
    redirects: [{ op: '>', target: '/tmp/out' }],
    viaExec: true,
  });
  assert.deepEqual(cmds[2].argv, ['$@']);
  assert.equal(cmds[2].viaExec, true);
});

test('exec inside a ( … ) subshell replaces the subshell, not the script: not viaExec, and the commands after it run', () => {
  const cmds = parseShell('(cd src; exec gunicorn a.wsgi)\necho done\n{ exec uwsgi --ini u.ini; }').commands;
  assert.deepEqual(
    cmds.map((c) => [c.argv[0], c.viaExec, c.execInSubshell]),
    [
      ['cd', false, undefined],
      ['gunicorn', false, true],
      ['echo', false, undefined],
      ['uwsgi', true, undefined],
    ],
  );
});

test('commands after a foreground `exec PROGRAM` in the same list are not read; after `exec "$@"` they are', () => {
  assert.deepEqual(
    parseShell('exec gunicorn a.wsgi \\\n  --bind 0.0.0.0:80\n"$@"').commands.map((c) => c.argv[0]),
    ['gunicorn'],
  );
  assert.equal(parseShell('exec "$@"\ngunicorn a.wsgi').commands.length, 2);
});

test('continuation lines keep absolute lines', () => {
  assert.deepEqual(
    argvs('pip install \\\n  django==5.0 && \\\n  python manage.py collectstatic --noinput', 7),
    [
      [7, 'pip install django==5.0'],
      [9, 'python manage.py collectstatic --noinput'],
    ],
  );
});

test('sh -c / bash -ec scripts and bash heredocs are parsed too', () => {
  assert.deepEqual(argvs('sh -c "python manage.py migrate && gunicorn mysite.wsgi"', 4), [
    [4, 'sh -c python manage.py migrate && gunicorn mysite.wsgi'],
    [4, 'python manage.py migrate'],
    [4, 'gunicorn mysite.wsgi'],
  ]);
  assert.deepEqual(argvs("/bin/bash -ec 'one\ntwo'"), [
    [1, '/bin/bash -ec one\ntwo'],
    [1, 'one'],
    [2, 'two'],
  ]);
  assert.deepEqual(argvs('bash <<EOF\npip install x\nEOF\ncat <<EOF > /f\nnot a command\nEOF', 20), [
    [20, 'bash'],
    [21, 'pip install x'],
    [23, 'cat'],
  ]);
});

test('a parse error is reported with its absolute line, never thrown', () => {
  for (const [text, line, ran] of [
    ['echo ok\necho "unterminated', 6, [['echo', 'ok']]],
    ['if then fi', 5, []],
    ['\u0000\u0001(((', 5, []],
  ] as const) {
    const script = parseShell(text, 5);
    assert.deepEqual(
      script.commands.map((c) => c.argv),
      ran,
      text,
    );
    assert.equal(script.parseError?.line, line, text);
    assert.ok(script.parseError?.message);
  }
});

test('the complete commands before a syntax error are the ones the shell runs', () => {
  const script = parseShell(
    'python manage.py migrate\nif [ -n "$X" ]; then\n  echo x\nfi\nexec "$@"\n\nnotes.add("todo")\n',
  );
  assert.deepEqual(
    script.commands.map((c) => [c.line, c.argv[0]]),
    [
      [1, 'python'],
      [2, '['],
      [3, 'echo'],
      [5, '$@'],
    ],
  );
  assert.equal(script.parseError?.line, 7);
  // a compound command cut by the error never runs
  assert.deepEqual(
    parseShell('echo a\nif true; then\n  echo (\nfi\n').commands.map((c) => c.argv),
    [['echo', 'a']],
  );
  assert.deepEqual(parseShell('').commands, []);
});

test('the commands of a backgrounded subshell or group run in the background; the next command does not', () => {
  const commands = parseShell(
    '(gunicorn a.wsgi --workers 3) &\n{ celery -A a worker; } &\nnginx -g "daemon off;"\n',
    1,
  ).commands;
  assert.deepEqual(
    commands.map((c) => [c.argv[0], c.background === true]),
    [
      ['gunicorn', true],
      ['celery', true],
      ['nginx', false],
    ],
  );
});

test('an and-list sent to the background runs in the background as a whole', () => {
  const commands = parseShell('. venv/bin/activate && gunicorn a.wsgi &\ntail -f /dev/null\n', 1).commands;
  assert.deepEqual(
    commands.map((c) => [c.argv[0], c.background === true]),
    [
      ['.', true],
      ['gunicorn', true],
      ['tail', false],
    ],
  );
});

test('a function called by name runs where it is called, under the guards of the call; one never called where declared', () => {
  const script = parseShell(
    [
      'setup() { python manage.py migrate; }',
      'web() { setup; gunicorn a.wsgi; }',
      'worker() { celery -A a worker; }',
      'unused() { echo never called; }',
      'case "$ROLE" in web) web ;; *) worker & web ;; esac',
    ].join('\n'),
  );
  assert.deepEqual(
    script.commands.map((c) => [c.line, c.argv.join(' '), c.guards?.length ?? 0, c.background === true]),
    [
      [4, 'echo never called', 0, false],
      [1, 'python manage.py migrate', 1, false],
      [2, 'gunicorn a.wsgi', 1, false],
      [3, 'celery -A a worker', 2, true],
      [1, 'python manage.py migrate', 2, false],
      [2, 'gunicorn a.wsgi', 2, false],
    ],
  );
  // `loop` calls only itself: it is read where it is declared, its own call left as a command.
  const recursive = parseShell('loop() { sleep 1; loop; }\n');
  assert.deepEqual(
    recursive.commands.map((c) => c.argv.join(' ')),
    ['sleep 1', 'loop'],
  );
});

test('a command named by a variable the script sets once at its top level runs that value, split into words', () => {
  const script = ["MANAGE='python manage.py'", 'exec $MANAGE runserver 0.0.0.0:8000 "$@"', 'echo never'].join(
    '\n',
  );
  const [c] = parseShell(script).commands;
  assert.deepEqual(c.argv, ['python', 'manage.py', 'runserver', '0.0.0.0:8000', '$@']);
  assert.equal(c.viaExec, true);
  assert.deepEqual(c.written, ['$MANAGE', '$MANAGE', 'runserver', '0.0.0.0:8000', '"$@"']);
  assert.deepEqual(c.constantWord, [0, 1, -1, -1, -1]);
  assert.equal(parseShell(script).commands.length, 1);
  // set twice, set under a branch, or used before it is set: the value is not known where it runs
  for (const other of [
    'M=gunicorn\nM=uwsgi\n$M app',
    'if [ -n "$X" ]; then M=gunicorn; fi\n$M app',
    '$M app\nM=gunicorn',
    'M="$HOME/bin/run"\n$M app',
  ])
    assert.deepEqual(parseShell(other).commands.at(-1)!.argv, ['$M', 'app'], other);
});

test('a function nothing in the script calls is marked on its commands, one it calls is not', () => {
  const text = [
    'setup() { pip install -r requirements.txt; helper; }',
    'helper() { echo helping; }',
    'stop() { echo bye; }',
    'stop',
    'exec "$@"',
  ].join('\n');
  const marks = parseShell(text).commands.map((c) => [c.argv[0], c.uncalledFunction ?? null]);
  assert.deepEqual(marks, [
    ['pip', 'setup'],
    ['echo', 'setup'],
    ['echo', null],
    ['$@', null],
  ]);
});

test('a cd inside ( … ) ends with the subshell: the commands after it run where they did before', () => {
  const text = [
    'cd /srv',
    'if [ "$ENV" = dev ]; then (cd src; exec gunicorn a.wsgi); else (cd src; (cd deep; ls); exec gunicorn b.wsgi); fi',
    'touch log',
  ].join('\n');
  const dir = new WorkingDirectory('/');
  assert.deepEqual(
    parseShell(text, 1).commands.map((c) => [c.argv[0], dir.after(c)]),
    [
      ['cd', '/srv'],
      ['[', '/srv'],
      ['cd', '/srv/src'],
      ['gunicorn', '/srv/src'],
      ['cd', '/srv/src'],
      ['cd', '/srv/src/deep'],
      ['ls', '/srv/src/deep'],
      ['gunicorn', '/srv/src'],
      ['touch', '/srv'],
    ],
  );
});
