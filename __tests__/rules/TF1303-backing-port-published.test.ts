import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
  ...files,
});

test('TF1303 fires on the PostgreSQL port published on every interface', async () => {
  const compose =
    'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.deepEqual(findingsOf(result, 'TF1303'), [['compose.yaml', 7]]);
});

test('TF1303 is silent without ports, on loopback, and for the app port', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    ports: ["8000:8000"]',
    '  db:',
    '    image: postgres:16',
    '  cache:',
    '    image: redis:7',
    '    ports: ["127.0.0.1:6379:6379"]',
    '',
  ].join('\n');
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.deepEqual(findingsOf(result, 'TF1303'), []);
});

test('TF1303: redis, memcached and mongo too; a development or override file is not production', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '  cache:',
    '    image: redis:7',
    '    ports: ["6379:6379"]', //6
    '  memcached:',
    '    image: memcached:1.6',
    '    ports: ["11211"]', //9
    '  mongo:',
    '    image: mongo:7',
    '    ports: ["0.0.0.0:27017:27017"]', //12
    '',
  ].join('\n');
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.deepEqual(findingsOf(result, 'TF1303'), [
    ['compose.yaml', 6],
    ['compose.yaml', 9],
    ['compose.yaml', 12],
  ]);
  const dev =
    'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  const devResult = await analyzeFiles(app({ 'docker-compose.dev.yml': dev }));
  assert.deepEqual(findingsOf(devResult, 'TF1303'), []);
  const override = await analyzeFiles(
    app({
      'compose.yaml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n',
      'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
    }),
  );
  assert.deepEqual(findingsOf(override, 'TF1303'), []);
});

test('TF1303: a compose file named for integration or end-to-end tests is not production', async () => {
  const compose =
    'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  for (const name of ['docker-compose.integration.yml', 'compose.e2e.yaml']) {
    const result = await analyzeFiles(app({ [name]: compose }));
    assert.deepEqual(findingsOf(result, 'TF1303'), [], name);
  }
});

test('TF1303: a compose file of backing services only is judged; in a directory named for development it is not production', async () => {
  const db = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  const files = app({ 'compose.yaml': 'services:\n  web:\n    build: .\n' });
  const result = await analyzeFiles({
    ...files,
    'backend/docker-compose.yml': db,
    '_development/compose.yaml': db,
  });
  assert.deepEqual(findingsOf(result, 'TF1303'), [['backend/docker-compose.yml', 5]]);
});

test('TF1303: only a directory named for development as a whole marks its default-named file, not a project folder carrying the word', async () => {
  const db = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  const files = app({ 'compose.yaml': 'services:\n  web:\n    build: .\n' });
  const result = await analyzeFiles({
    ...files,
    'docker-dev/compose.yaml': db,
    'Shop-Django-Test-Project/docker-compose.yml': db,
  });
  assert.deepEqual(findingsOf(result, 'TF1303'), [['Shop-Django-Test-Project/docker-compose.yml', 5]]);
});

test('TF1303: a host port from a variable is named, not called random', async () => {
  const compose =
    'services:\n  web:\n    build: .\n  db:\n    image: mysql:8.2\n    ports:\n      - "${DB_PORT}:3306"\n';
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  const [f] = result.findings.filter((x) => x.ruleId === 'TF1303');
  assert.ok(f, 'TF1303 fires');
  assert.doesNotMatch(f.message, /random/);
  assert.match(f.message, /at the port DB_PORT gives/);
});

test('TF1303: the default file beside a production-named one is judged, and the message says why', async () => {
  const db =
    'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
  for (const prod of ['docker-compose.prod.yml', 'docker-compose-prod.yml']) {
    const result = await analyzeFiles(app({ 'docker-compose.yml': db, [prod]: '' }));
    const found = result.findings.filter((x) => x.ruleId === 'TF1303');
    assert.deepEqual(
      found.map((f) => [f.file, f.line]),
      [['docker-compose.yml', 7]],
      prod,
    );
    assert.match(found[0].message, /on every interface of the host that runs docker-compose\.yml/);
    assert.match(
      found[0].message,
      new RegExp(`not named for development, though ${prod.replace(/\./g, '\\.')} sits beside it`),
    );
    assert.match(found[0].message, /'127\.0\.0\.1:5432:5432'/);
    assert.doesNotMatch(found[0].message, /development override/);
  }
});

test('TF1303 says what the app connects to before it advises removing the mapping', async () => {
  const compose = (env: string) =>
    `services:\n  web:\n    build: .\n${env}  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n`;
  const settings = (host: string) =>
    `import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app', 'HOST': ${host}}}\n`;
  const cases: [string, Record<string, string>, string][] = [
    [
      'the service name',
      {
        'compose.yaml': compose('    environment:\n      DB_HOST: db\n'),
        'mysite/settings.py': settings("os.environ.get('DB_HOST', 'localhost')"),
      },
      "Remove the port mapping (the app reaches 'db' over the compose network)",
    ],
    [
      'a URL with the service name',
      {
        'compose.yaml': compose(
          '    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n',
        ),
        'mysite/settings.py': "import dj_database_url\nDATABASES = {'default': dj_database_url.config()}\n",
      },
      "Remove the port mapping (the app reaches 'db' over the compose network)",
    ],
    [
      'an address of the host',
      {
        'compose.yaml': compose('    environment:\n      DB_HOST: 172.17.0.1\n'),
        'mysite/settings.py': settings("os.environ.get('DB_HOST', 'db')"),
      },
      "The app connects to '172.17.0.1' through this published port (DB_HOST=172.17.0.1 in compose.yaml), not to 'db' over the compose network: set DB_HOST=db first, then remove the port mapping",
    ],
    [
      'a fallback',
      {
        'compose.yaml': compose(''),
        'mysite/settings.py': settings("os.environ.get('DB_HOST', 'localhost')"),
      },
      "The app is not given DB_HOST, so its database host falls back to 'localhost' (mysite/settings.py), not 'db' over the compose network: set DB_HOST=db for the app first, then remove the port mapping",
    ],
    [
      'a literal in settings',
      { 'compose.yaml': compose(''), 'mysite/settings.py': settings("'host.docker.internal'") },
      "The settings connect to 'host.docker.internal' (DATABASES HOST, mysite/settings.py), not to 'db' over the compose network: read HOST from an environment variable set to 'db' first, then remove the port mapping",
    ],
    [
      'a value decided where it runs',
      {
        'compose.yaml': compose('    environment:\n      DB_HOST: ${DB_HOST}\n'),
        'mysite/settings.py': settings("os.environ.get('DB_HOST', 'localhost')"),
      },
      "Remove the port mapping (the app can reach 'db' by that name over the compose network)",
    ],
  ];
  for (const [what, files, words] of cases) {
    const result = await analyzeFiles(app(files));
    const messages = result.findings.filter((f) => f.ruleId === 'TF1303').map((f) => f.message);
    assert.equal(messages.length, 1, what);
    assert.ok(messages[0].includes(words), `${what}: ${messages[0]}`);
  }
});
