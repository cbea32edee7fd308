import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveCommand } from '../../src/model/command.js';
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
});

test('an entrypoint script that ignores its arguments swallows a shell-form CMD too', async () => {
  const result = await analyze({
    Dockerfile: `${IMAGE}ENTRYPOINT ["sh", "/app/entrypoint.sh"]\nCMD python manage.py runserver 0.0.0.0:8000\n`,
    'entrypoint.sh': MIGRATE_THEN_GUNICORN,
  });
  assert.deepEqual(findingsOf(result, 'TF0901'), []);
  assert.deepEqual(findingsOf(result, 'TF0801'), []);
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
    Dockerfile: `${IMAGE}CMD ["gunicorn", "mysite.wsgi"]\n`,
    'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${DEV_COMMAND}\n`,
  });
  const first = effectiveCommand(result.project.apps[0])[0];
  assert.deepEqual(first.argv, [
    'bash',
    '-c',
    'python manage.py migrate && python manage.py runserver 0.0.0.0:8000',
  ]);
});
