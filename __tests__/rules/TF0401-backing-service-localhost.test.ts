import { backingServiceLocalhost } from '../../src/rules/TF0401-backing-service-localhost.js';
import { composeRuleCases, settings, y } from '../support/compose-rule-cases.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

composeRuleCases(backingServiceLocalhost, [
  {
    name: 'localhost host and URL in the app environment',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      DB_HOST: localhost',
      '      REDIS_URL: redis://127.0.0.1:6379/0',
      '      CELERY_BROKER_URL: amqp://guest:guest@localhost:5672//',
      '      DATABASE_URL: postgres://u:p@10.0.0.5:5432/app',
    ),
    expect: ['compose.yaml:5', 'compose.yaml:6', 'compose.yaml:7', 'compose.yaml:8'],
  },
  {
    name: 'service names, host.docker.internal, interpolation and unrelated hosts are fine',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      DB_HOST: db',
      '      REDIS_URL: redis://cache:6379/0',
      '      PGHOST: host.docker.internal',
      '      DATABASE_URL: ${DATABASE_URL}',
      '      ALLOWED_HOSTS: localhost,127.0.0.1',
      '      DJANGO_ALLOWED_HOST: localhost',
      '      EMAIL_HOST: localhost',
      '      HOST: 0.0.0.0',
      '      DATABASE_URL_SQLITE: sqlite:////data/db.sqlite3',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_HOST: localhost',
    ),
    expect: [],
  },
  {
    // The default is what every container gets when the host does not set the variable (as TF0302 reads defaults).
    name: 'an interpolation default of localhost is reported; a default naming the service is fine',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      DATABASE_URL: ${DATABASE_URL:-postgres://localhost/app}',
      '      DB_HOST: ${DB_HOST:-db}',
      '      REDIS_HOST: ${REDIS_HOST-127.0.0.1}',
    ),
    expect: ['compose.yaml:5', 'compose.yaml:7'],
  },
  {
    name: 'literal HOST in DATABASES, literal cache LOCATION and broker URL in settings',
    app: {
      settings: settings(
        [
          {
            name: 'CACHES',
            line: 30,
            live: true,
            value: {
              kind: 'dict',
              line: 30,
              entries: [
                {
                  key: 'default',
                  line: 31,
                  value: {
                    kind: 'dict',
                    line: 31,
                    entries: [
                      {
                        key: 'BACKEND',
                        line: 32,
                        value: {
                          kind: 'literal',
                          value: 'django.core.cache.backends.redis.RedisCache',
                          line: 32,
                        },
                      },
                      {
                        key: 'LOCATION',
                        line: 33,
                        value: { kind: 'literal', value: 'redis://127.0.0.1:6379/1', line: 33 },
                      },
                    ],
                  },
                },
                {
                  key: 'local',
                  line: 35,
                  value: {
                    kind: 'dict',
                    line: 35,
                    entries: [
                      {
                        key: 'LOCATION',
                        line: 36,
                        value: { kind: 'literal', value: 'unique-snowflake', line: 36 },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            name: 'CELERY_BROKER_URL',
            line: 40,
            live: true,
            value: { kind: 'literal', value: 'redis://localhost:6379/0', line: 40 },
          },
        ],
        [{ kind: 'literal', value: 'localhost', line: 14 }],
      ),
    },
    expect: ['mysite/settings.py:14', 'mysite/settings.py:33', 'mysite/settings.py:40'],
  },
  {
    name: 'settings reading the host from the environment with a localhost fallback stay silent',
    app: {
      settings: settings(
        [
          {
            name: 'CELERY_BROKER_URL',
            line: 40,
            value: {
              kind: 'env',
              variable: 'CELERY_BROKER_URL',
              via: 'environ.get',
              required: false,
              line: 40,
              fallback: { kind: 'literal', value: 'redis://localhost:6379/0', line: 40 },
            },
          },
        ],
        [
          {
            kind: 'env',
            variable: 'DB_HOST',
            via: 'environ.get',
            required: false,
            line: 14,
            fallback: { kind: 'literal', value: 'localhost', line: 14 },
          },
          { kind: 'literal', value: 'db', line: 20 },
        ],
      ),
    },
    expect: [],
  },
]);

test('TF0401 names the compose database service in its advice, and no service when none is known', async () => {
  const files = (compose: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': compose,
    'mysite/settings.py':
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'localhost'}}\n",
  });
  const messageWith = async (compose: string) =>
    (await analyzeFiles(files(compose))).findings.find((f) => f.ruleId === 'TF0401')?.message;
  assert.match(
    (await messageWith('services:\n  web:\n    build: .\n  pgdb:\n    image: postgres:16\n'))!,
    /set DB_HOST=pgdb in compose/,
  );
  const unknown = (await messageWith('services:\n  web:\n    build: .\n'))!;
  assert.match(unknown, /set DB_HOST to the database's host where the app is deployed/);
  assert.doesNotMatch(unknown, /DB_HOST=db|'localhost'\)/);
  assert.match(unknown, /os\.environ\['DB_HOST'\]/);
});

test('TF0401: a URL that falls back to localhost when its variable is unset is not told to read the variable', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    environment:\n      REDIS_URL: redis://redis:6379\n  redis:\n    image: redis:7\n',
    'mysite/settings.py':
      'import os\nREDIS_URL = os.getenv("REDIS_URL")\nif not REDIS_URL:\n    REDIS_URL = "redis://localhost:6379"\n',
  });
  const message = findings.find((f) => f.ruleId === 'TF0401')?.message ?? '';
  assert.match(
    message,
    /When the REDIS_URL environment variable is unset, REDIS_URL falls back to 'localhost'/,
  );
  assert.match(message, /drop the fallback/);
  assert.doesNotMatch(message, /read it from an environment variable/);
});

test("TF0401: 'localhost' chosen when a variable is unset is a fallback where compose sets that variable", async () => {
  const files = (environment: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': `services:\n  web:\n    build: .\n${environment}`,
    'mysite/settings.py':
      "import os\nDATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db' if os.getenv('DB_NAME') else 'localhost'}}\n",
  });
  const count = async (environment: string) =>
    (await analyzeFiles(files(environment))).findings.filter((f) => f.ruleId === 'TF0401').length;
  assert.equal(await count('    environment:\n      DB_NAME: app\n'), 0);
  assert.equal(await count(''), 1);
});

test("TF0401 names the stack's own Redis service for a Redis host or URL in settings, 'redis' only when none is known", async () => {
  const files = (compose: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': compose,
    'mysite/settings.py': [
      "CHANNEL_LAYERS = {'default': {'BACKEND': 'channels_redis.core.RedisChannelLayer', 'CONFIG': {'hosts': [('127.0.0.1', 6379)]}}}",
      "CELERY_BROKER_URL = 'redis://localhost:6379/1'",
      '',
    ].join('\n'),
  });
  const messages = async (compose: string) =>
    (await analyzeFiles(files(compose))).findings.filter((f) => f.ruleId === 'TF0401').map((f) => f.message);
  const named = await messages('services:\n  web:\n    build: .\n  api_gateway_redis:\n    image: redis:7\n');
  assert.equal(named.length, 2);
  assert.match(named[0], /\(e\.g\. 'api_gateway_redis'\)/);
  assert.match(named[1], /\(e\.g\. redis:\/\/api_gateway_redis:6379\/1\)/);
  assert.ok(named.every((m) => !/'redis'|redis:\/\/cache/.test(m)));
  const unknown = await messages('services:\n  web:\n    build: .\n');
  assert.match(unknown[0], /\(e\.g\. 'redis'\)/);
});

test('TF0401 suggests an amqp:// broker URL of the same scheme, on the RabbitMQ service or a placeholder', async () => {
  const files = (compose: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': compose,
    'mysite/settings.py': "CELERY_BROKER_URL = 'amqp://guest:guest@localhost:5672//'\n",
  });
  const message = async (compose: string) =>
    (await analyzeFiles(files(compose))).findings.find((f) => f.ruleId === 'TF0401')?.message ?? '';
  const named = await message(
    'services:\n  web:\n    build: .\n  broker:\n    image: rabbitmq:3-management\n',
  );
  assert.match(named, /\(e\.g\. amqp:\/\/broker:5672\/\/\)/);
  const unknown = await message('services:\n  web:\n    build: .\n');
  assert.match(unknown, /\(e\.g\. amqp:\/\/<service>:5672\/\/\)/);
  assert.ok(![named, unknown].some((m) => /redis:\/\/cache/.test(m)));
});
