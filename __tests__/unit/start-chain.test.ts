import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerEnv, containerVariables, effectiveCommand } from '../../src/model/command.js';
import { hasShellShebang } from '../../src/discover/classify.js';
import { readsArguments } from '../../src/model/command/branches.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
const IMAGE = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n';
const MIGRATE_THEN_GUNICORN =
  '#!/bin/sh\nset -e\npython manage.py migrate\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n';
const DEV_COMMAND = 'bash -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"';

async function analyze(files: Record<string, string>) {
  return analyzeFiles({ 'manage.py': MANAGE, ...files });
}

// [what the script does with its arguments, script text, whether it reads them]
const ARGUMENT_USE: [string, string, boolean][] = [
  ['exec "$@"', 'exec "$@"\n', true],
  ['$*', 'exec $*\n', true],
  ['${1:-web}', 'case "${1:-web}" in web) exec gunicorn a.wsgi;; esac\n', true],
  ['$1', 'if [ "$1" = web ]; then exec gunicorn a.wsgi; fi\n', true],
  ['$#', 'if [ $# -gt 0 ]; then exec gunicorn a.wsgi; fi\n', true],
  ['shift', 'shift\nexec gunicorn a.wsgi\n', true],
  ['none', MIGRATE_THEN_GUNICORN, false],
  ['a sourced script sees the arguments', 'set -e\n. /app/docker/run.sh\n', true],
  ['source in a branch', 'if [ -f x ]; then source ./lib.sh; fi\nexec gunicorn a.wsgi\n', true],
  ["a virtualenv's activate", '. /venv/bin/activate\nexec gunicorn a.wsgi\n', false],
  ['only in a comment', '# exec "$@" is not needed here\nexec gunicorn a.wsgi\n', false],
  ['${#VAR} is a length, $0 the script', 'echo ${#HOME} $0\nexec gunicorn a.wsgi\n', false],
];

for (const [name, text, expected] of ARGUMENT_USE) {
  test(`readsArguments: ${name}`, () => {
    assert.equal(readsArguments(text), expected);
  });
}

test('an exec-form entrypoint script that ignores its arguments swallows the compose command', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["/app/entrypoint.sh"]\n`,
    'entrypoint.sh': MIGRATE_THEN_GUNICORN,
    'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${DEV_COMMAND}\n`,
  });
  const app = result.project.apps[0];
  assert.equal(
    effectiveCommand(app).some((c) => c.file === 'docker-compose.yml'),
    false,
    'the compose command never runs',
  );
  for (const rule of ['TF0801', 'TF0901', 'TF1202'])
    assert.deepEqual(
      findingsOf(result, rule).filter(([file]) => file === 'docker-compose.yml'),
      [],
      `${rule} on the compose command`,
    );
  assert.deepEqual(findingsOf(result, 'TF1202'), [['entrypoint.sh', 3]]);
  const note =
    'The compose command (docker-compose.yml:4) never runs: entrypoint.sh does not pass its arguments on.';
  assert.ok(result.findings.find((f) => f.ruleId === 'TF1202')!.message.endsWith(note));
});

test('an entrypoint script that ignores its arguments swallows a shell-form CMD too', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["sh", "/app/entrypoint.sh"]\nCMD python manage.py runserver 0.0.0.0:8000\n`,
    'entrypoint.sh': MIGRATE_THEN_GUNICORN,
  });
  assert.deepEqual(findingsOf(result, 'TF0901'), []);
  assert.deepEqual(findingsOf(result, 'TF0801'), []);
  const note = "The image's CMD (Dockerfile:5) never runs: entrypoint.sh does not pass its arguments on.";
  assert.ok(result.findings.find((f) => f.ruleId === 'TF1202')!.message.endsWith(note));
});

test('an entrypoint script that runs "$@" still runs the compose command', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["/app/entrypoint.sh"]\n`,
    'entrypoint.sh': '#!/bin/sh\nset -e\npython manage.py collectstatic --noinput\nexec "$@"\n',
    'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${DEV_COMMAND}\n`,
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker-compose.yml', 4]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), [['docker-compose.yml', 4]]);
});

test('a compose string `bash -c "a && b"` is one argv, with no phantom /bin/sh -c', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["/app/entrypoint.sh"]\n`,
    'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
    'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${DEV_COMMAND}\n`,
  });
  const first = effectiveCommand(result.project.apps[0])[0];
  assert.deepEqual(first.argv, [
    '/app/entrypoint.sh',
    'bash',
    '-c',
    'python manage.py migrate && python manage.py runserver 0.0.0.0:8000',
  ]);
});

test('a script of any name the chain reaches is read and followed: /start, then docker/web-start', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}COPY compose/start /start\nENTRYPOINT ["/app/compose/entrypoint"]\nCMD ["/start"]\n`,
    'compose/entrypoint': '#!/bin/bash\nset -o errexit\nexec "$@"\n',
    'compose/start': '#!/bin/bash\npython /app/manage.py migrate\nexec docker/web-start\n',
    'docker/web-start': '#!/bin/sh\npython manage.py runserver 0.0.0.0:8000\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker/web-start', 2]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), [['docker/web-start', 2]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), [['compose/start', 2]]);
});

test('a .bash script run from a compose block over several lines is read', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}CMD ["gunicorn", "mysite.wsgi"]\n`,
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: >\n      bash -c\n      "./init.bash"\n',
    'init.bash': '#!/bin/bash\npython manage.py flush --no-input\nexec gunicorn mysite.wsgi\n',
  });
  assert.deepEqual(findingsOf(result, 'TF1203'), [['init.bash', 2]]);
});

test('a binary the chain names is not read as a script', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: `${IMAGE}CMD ["./bin/run"]\n`,
    'bin/run': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
  });
  assert.deepEqual(result.project.apps[0].entrypointScripts, []);
});

test('hasShellShebang: sh, bash, dash, env bash; not python', () => {
  for (const text of ['#!/bin/sh\n', '#!/bin/bash -e\n', '#!/usr/bin/env bash\n', '#! /bin/dash\n'])
    assert.equal(hasShellShebang(text), true, text);
  for (const text of ['#!/usr/bin/env python3\n', 'echo hi\n', '# !/bin/sh\n'])
    assert.equal(hasShellShebang(text), false, text);
});

// [inline script, TF0901 message part or undefined when there is no finding]: evidence in compose-sh-c-init-bash's README
const LONE_COMMANDS: [string, string | undefined][] = [
  ['bash -c "gunicorn mysite.wsgi"', undefined],
  ['bash -c "./init.bash"', undefined],
  ['sh -c "gunicorn mysite.wsgi"', "which sh does not exec by itself (dash, Debian's /bin/sh, forks it)"],
  ['bash -c "gunicorn mysite.wsgi > /tmp/log"', 'its last command (gunicorn) is not started with exec'],
  // bash >= 5.1 (the bookworm image here) execs the last simple command of a one-line list as well
  ['bash -c "cd /app && gunicorn mysite.wsgi"', undefined],
  [
    'bash -c "cd /app && gunicorn mysite.wsgi | tee /tmp/log"',
    'its last command (tee) is not started with exec',
  ],
];

for (const [command, message] of LONE_COMMANDS) {
  test(`TF0901 for compose command: ${command}`, async () => {
    const result = await analyze({
      Dockerfile: `${IMAGE}CMD ["gunicorn", "mysite.wsgi"]\n`,
      'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${command}\n`,
      'init.bash': '#!/bin/bash\nexec gunicorn mysite.wsgi\n',
    });
    const found = result.findings.filter((f) => f.ruleId === 'TF0901');
    if (message === undefined) assert.deepEqual(found, []);
    else {
      assert.equal(found.length, 1);
      assert.ok(found[0].message.includes(message), found[0].message);
    }
  });
}

test('a suppression comment in an extensionless shell script is honoured', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}CMD ["bin/run"]\n`,
    'bin/run':
      '#!/bin/sh\n# twelve-factor: ignore=TF0801 -- a demo image\nexec python manage.py runserver 0.0.0.0:8000\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0801');
  assert.equal(found.length, 1);
  assert.equal(found[0].suppressed?.by, 'inline');
});

// [how the command is written from line 4 on, line of migrate, line of runserver]
const WRITTEN_OVER_LINES: [string, string, number, number][] = [
  [
    'folded block, same indentation',
    'command: >\n      sh -c "python manage.py migrate &&\n      python manage.py runserver 0.0.0.0:8000"\n',
    5,
    6,
  ],
  [
    'plain scalar over several lines',
    'command: sh -c "python manage.py wait_for_db &&\n      python manage.py migrate &&\n      python manage.py runserver 0.0.0.0:8000"\n',
    5,
    6,
  ],
  [
    'double-quoted flow scalar',
    'command: "sh -c \'python manage.py migrate &&\n      python manage.py runserver 0.0.0.0:8000\'"\n',
    4,
    5,
  ],
  [
    'list whose script is a literal block',
    'command:\n      - sh\n      - -c\n      - |\n        python manage.py migrate\n        python manage.py runserver 0.0.0.0:8000\n',
    8,
    9,
  ],
  [
    'flow list over several lines',
    'command: ["sh", "-c", "python manage.py migrate &&\n      python manage.py runserver 0.0.0.0:8000"]\n',
    4,
    5,
  ],
];

for (const [name, written, migrate, runserver] of WRITTEN_OVER_LINES) {
  test(`compose command written as a ${name}: each finding on its command's line`, async () => {
    const result = await analyze({
      Dockerfile: `${IMAGE}CMD ["gunicorn", "mysite.wsgi"]\n`,
      'docker-compose.yml': `services:\n  web:\n    build: .\n    ${written}    ports:\n      - "8000:8000"\n`,
    });
    assert.deepEqual(findingsOf(result, 'TF1202'), [['docker-compose.yml', migrate]]);
    assert.deepEqual(findingsOf(result, 'TF0801'), [['docker-compose.yml', runserver]]);
  });
}

test('a script only the swallowed compose command names is not judged', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["/app/entrypoint.sh"]\n`,
    'entrypoint.sh': MIGRATE_THEN_GUNICORN,
    'init.bash':
      '#!/bin/bash\nDJANGO_SUPERUSER_PASSWORD=admin123 python manage.py createsuperuser --noinput\npython manage.py runserver 0.0.0.0:8000\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: ./init.bash\n',
  });
  assert.deepEqual(
    result.project.apps[0].entrypointScripts.map((s) => s.file),
    ['entrypoint.sh'],
  );
  for (const rule of ['TF0311', 'TF0801', 'TF0901']) assert.deepEqual(findingsOf(result, rule), [], rule);
});

test('containerVariables reads the environment containerEnv builds, knowing only what is written as a literal', async () => {
  const { project } = await analyze({
    Dockerfile: `${IMAGE}ENV PORT=8000 PY=$PYTHON_VERSION EMPTY=\n`,
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      - DEBUG=1',
      '      - PORT=${PORT:-9000}',
      '      - BARE',
      '',
    ].join('\n'),
  });
  const app = project.apps[0];
  const env = containerEnv(app);
  assert.equal(env.DEBUG, '1');
  assert.equal(env.PORT, '9000'); // interpolated as compose does
  const variable = containerVariables(app.dockerfile!.targetStage!.env, app.compose!.appService);
  assert.equal(variable('DEBUG'), '1');
  assert.equal(variable('PORT'), undefined); // interpolated: the deploy's value may differ
  assert.equal(variable('BARE'), undefined);
  assert.equal(variable('PY'), undefined); // an expansion of the base image's variable in ENV
  assert.equal(variable('EMPTY'), '');
  assert.equal(variable('UNSET'), null);
});

test('a script running `python manage.py "$@"` gets the container command as those words', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["sh", "entrypoint.sh"]\n`,
    'entrypoint.sh': '#!/bin/sh\nset -e\npython manage.py migrate\npython manage.py "$@"\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: ["runserver", "0.0.0.0:8000"]\n',
  });
  const at = (rule: string) =>
    result.findings.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line}`);
  assert.deepEqual(at('TF0801'), ['entrypoint.sh:4']);
  assert.deepEqual(at('TF1202'), ['entrypoint.sh:3']);
});

test('a shell-form ENTRYPOINT reading $0 and $@ runs the command docker appends; one that reads neither drops it', async () => {
  const script = '#!/bin/sh\nset -e\nexec "$@"\n';
  const compose = 'services:\n  web:\n    build: .\n    command: python manage.py runserver 0.0.0.0:8000\n';
  const reads = await analyze({
    Dockerfile: `${IMAGE}COPY entrypoint.sh /entrypoint.sh\nENTRYPOINT /entrypoint.sh $0 $@\n`,
    'entrypoint.sh': script,
    'docker-compose.yml': compose,
  });
  const run = effectiveCommand(reads.project.apps[0]).find((c) => c.argv.includes('runserver'));
  assert.equal(run?.file, 'docker-compose.yml', 'anchored at the compose command');
  assert.deepEqual(findingsOf(reads, 'TF0801'), [['docker-compose.yml', 4]]);
  const ignores = await analyze({
    Dockerfile: `${IMAGE}COPY entrypoint.sh /entrypoint.sh\nENTRYPOINT /entrypoint.sh\n`,
    'entrypoint.sh': script,
    'docker-compose.yml': compose,
  });
  assert.deepEqual(findingsOf(ignores, 'TF0801'), []);
});

// [how the entrypoint runs the command it is given, the command, the script the chain follows]
const ARGUMENTS_READ_BY_A_SHELL: [string, string, string][] = [
  ['behind tini, sh $cmd after cmd="$*"', 'cmd="$*"\nexec sh $cmd\n', '/app/start.sh'],
  ['sh "$@"', 'exec sh "$@"\n', '/app/start.sh'],
];

for (const [name, script, command] of ARGUMENTS_READ_BY_A_SHELL) {
  test(`an entrypoint script that hands its arguments to a shell runs the script they name: ${name}`, async () => {
    const result = await analyze({
      Dockerfile: `${IMAGE}ENTRYPOINT ["/usr/bin/tini", "--", "/app/entrypoint.sh"]\n`,
      'entrypoint.sh': `#!/bin/sh\n${script}`,
      'start.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n',
      'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${command}\n`,
    });
    const argv = effectiveCommand(result.project.apps[0]).map((c) => `${c.file}: ${c.argv.join(' ')}`);
    assert.ok(argv.includes('start.sh: gunicorn mysite.wsgi --bind 0.0.0.0:8000'), argv.join('\n'));
  });
}

test('a quoted "$cmd" is one word, not the arguments split', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["/app/entrypoint.sh"]\n`,
    'entrypoint.sh': '#!/bin/sh\ncmd="$*"\nexec sh -c "$cmd"\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn mysite.wsgi\n',
  });
  const argv = effectiveCommand(result.project.apps[0]).map((c) => c.argv.join(' '));
  assert.ok(!argv.includes('sh -c gunicorn mysite.wsgi'), argv.join('\n'));
});
