import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (dockerfile: string, files: Record<string, string> = {}) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile: dockerfile,
  ...files,
});

test('TF1203 fires on makemigrations in the start command', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py makemigrations && python manage.py migrate && gunicorn mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [['Dockerfile', 4]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF1203')!.message, /commit them/);
});

test('TF1203 is silent on migrate alone (TF1202) and on makemigrations --check', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py makemigrations --check && python manage.py migrate && gunicorn mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), []);
});

test('TF1203: flush, reset_db and loaddata in the entrypoint script, each at its line', async () => {
  const result = await analyzeFiles(
    app('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n', {
      'entrypoint.sh': [
        '#!/bin/sh',
        'python manage.py flush --noinput', //2
        'python manage.py reset_db --noinput', //3
        'python manage.py loaddata initial.json', //4
        'exec gunicorn mysite.wsgi',
        '',
      ].join('\n'),
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [
    ['entrypoint.sh', 2],
    ['entrypoint.sh', 3],
    ['entrypoint.sh', 4],
  ]);
});

const messagesOf = (result: { findings: { ruleId: string; message: string }[] }) =>
  result.findings.filter((f) => f.ruleId === 'TF1203').map((f) => f.message);

const SETUP = `#!/bin/sh
python manage.py makemigrations
python manage.py migrate
python manage.py flush --noinput
python manage.py loaddata initial.json
echo done
`;

test('TF1203: makemigrations with the project bind-mounted says the files land in the host checkout', async () => {
  const result = await analyzeFiles(
    app('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n', {
      'compose.yaml':
        'services:\n  web:\n    build: .\n    command: sh -c "python manage.py makemigrations && python manage.py migrate && exec gunicorn mysite.wsgi"\n    volumes:\n      - .:/app\n',
    }),
  );
  const [message] = messagesOf(result);
  assert.match(message!, /through the bind mount into the host's checkout \('\.' at \/app\)/);
  assert.match(
    message!,
    /uncommitted, unreviewed schema changes generated from whatever the models are at start/,
  );
  assert.match(message!, /review and commit them, and start only the server/);
  assert.doesNotMatch(message!, /lost with it|between replicas/);
});

test('TF1203: makemigrations with a named volume over the code says the files stay in the volume, not lost', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["gunicorn", "mysite.wsgi"]\n',
      {
        'entrypoint.sh': '#!/bin/sh\npython manage.py makemigrations\npython manage.py migrate\nexec "$@"\n',
        'compose.yaml':
          'services:\n  web:\n    build: .\n    volumes:\n      - app_code:/app\nvolumes:\n  app_code:\n',
      },
    ),
  );
  const [message] = messagesOf(result);
  assert.match(
    message!,
    /into the named volume 'app_code' over the code \(\/app\): they outlive the container there/,
  );
  assert.match(message!, /no commit holds them/);
  assert.doesNotMatch(message!, /lost with it|host's checkout/);
});

test('TF1203: without a mount makemigrations writes inside the container', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py makemigrations && exec gunicorn mysite.wsgi\n',
    ),
  );
  const [message] = messagesOf(result);
  assert.match(message!, /inside the container, which are lost with it and differ between replicas/);
  assert.doesNotMatch(message!, /host/);
});

test('TF1203: a one-off setup service is told to drop the commands from the job, not to start only the server', async () => {
  const result = await analyzeFiles(
    app('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n', {
      'setup.sh': SETUP,
      'compose.yaml':
        'services:\n  web:\n    build: .\n  setup:\n    build: .\n    command: ["sh", "/app/setup.sh"]\n    volumes:\n      - .:/app\n',
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [
    ['setup.sh', 2],
    ['setup.sh', 4],
    ['setup.sh', 5],
  ]);
  const [make, flush, load] = messagesOf(result);
  for (const m of [make, flush, load]) {
    assert.match(m!, /^Service 'setup' runs/);
    assert.doesNotMatch(m!, /start only the server/);
  }
  assert.match(make!, /host's checkout.*drop makemigrations from this job/);
  assert.match(
    flush!,
    /empties the database\. Drop it from this job; run it by hand only when you mean to wipe the data/,
  );
  assert.match(load!, /Drop it from this job; run it by hand, once, when you mean to load the fixtures/);
});

test('TF1203: migrate <app> zero on every start drops the tables; the fix is to remove the rollback', async () => {
  const result = await analyzeFiles(
    app('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["bash", "init.sh"]\n', {
      'init.sh':
        '#!/bin/bash\npython manage.py migrate people zero\npython manage.py migrate people zero --plan\nexec gunicorn mysite.wsgi\n',
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [['init.sh', 2]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), []);
  const [message] = messagesOf(result);
  assert.match(
    message!,
    /'manage\.py migrate people zero' on every start, which unapplies every migration of 'people' and drops its tables with all their data/,
  );
  assert.match(message!, /Remove the rollback/);
  assert.doesNotMatch(message!, /once per release|every replica/);
});

test('TF1203: a command on a branch a deploy can turn is said to run where its test holds, by default when unset', async () => {
  const script = [
    '#!/bin/sh',
    'if [ "$ENV_NAME" != "production" ]; then',
    '  python manage.py loaddata demo.json', //3
    'fi',
    'exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
    '',
  ].join('\n');
  const message = async (env: string, files: Record<string, string> = {}) => {
    const result = await analyzeFiles(
      app(`FROM python:3.12-slim\nWORKDIR /app\n${env}COPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n`, {
        'entrypoint.sh': script,
        ...files,
      }),
    );
    const found = result.findings.filter((f) => f.ruleId === 'TF1203');
    assert.ok(found.length <= 1);
    return found[0]?.message;
  };
  // Set nowhere: the test holds, as the shell reads the variable empty.
  assert.match(
    (await message(''))!,
    /^The start command runs 'manage\.py loaddata' on every start where `\[ \$ENV_NAME != production \]` holds \(nothing here sets ENV_NAME; unset, a variable is empty, so the test holds by default\), which /,
  );
  // Set by an env_file: not known here.
  const compose = {
    'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: .env\n',
  };
  assert.match(
    (await message('', compose))!,
    /on every start where `\[ \$ENV_NAME != production \]` holds, which /,
  );
  // Set by the image to a value that takes the branch: plainly on every start.
  assert.match((await message('ENV ENV_NAME=review\n'))!, /'manage\.py loaddata' on every start, which /);
  // Set by the image to production: the branch is never taken.
  assert.equal(await message('ENV ENV_NAME=production\n'), undefined);
});
