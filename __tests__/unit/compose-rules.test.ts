import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelCompose } from '../../src/model/compose.js';
import type { DockerfileModel, Stage } from '../../src/model/types/dockerfile.js';
import type { RawFinding } from '../../src/model/types/finding.js';
import type { App, Project } from '../../src/model/types/project.js';
import type { SettingsModel, ValueSource } from '../../src/model/types/settings.js';
import type { Rule } from '../../src/rules/rule.js';
import { serviceImageUnpinned } from '../../src/rules/TF0205-service-image-unpinned.js';
import { isSecretName, secretInCompose } from '../../src/rules/TF0307-secret-in-compose.js';
import { backingServiceLocalhost } from '../../src/rules/TF0401-backing-service-localhost.js';
import { dependsOnUnhealthy } from '../../src/rules/TF0402-depends-on-unhealthy.js';
import { sourceMountedOverImage } from '../../src/rules/TF0503-source-mounted-over-image.js';
import { postgresDataNotInVolume } from '../../src/rules/TF0603-postgres-data-not-in-volume.js';
import { volumeOverSource } from '../../src/rules/TF0605-volume-over-source.js';
import { fixedContainerName } from '../../src/rules/TF0802-fixed-container-name.js';

interface Case {
  name: string;
  /** compose.yaml text, or several compose files in merge order. */
  compose?: string | Record<string, string>;
  env?: Record<string, string>;
  app?: Partial<App>;
  /** Expected findings as 'file:line'; [] for silence. */
  expect: string[];
}

function projectOf(c: Case): Project {
  const files = typeof c.compose === 'string' ? { 'compose.yaml': c.compose } : (c.compose ?? {});
  const entries = Object.entries(files).map(([file, text]) => ({ file, text }));
  const { model } = entries.length > 0 ? modelCompose(entries, c.env ?? {}) : { model: undefined };
  const app: App = { dir: '.', requirements: [], entrypointScripts: [], compose: model, ...c.app };
  return { root: '/repo', apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}

function runTable(rule: Rule, cases: Case[]): void {
  for (const c of cases) {
    test(`${rule.id} ${rule.name}: ${c.name}`, () => {
      const findings: RawFinding[] = rule.check(projectOf(c));
      assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line}`),
        c.expect,
        findings.map((f) => f.message).join('\n'),
      );
      for (const f of findings) assert.ok(f.message.length > 20);
    });
  }
}

const y = (...lines: string[]): string => lines.join('\n') + '\n';

function stage(opts: {
  workdir?: string;
  volumes?: { line: number; paths: string[] }[];
  copyTo?: string[];
}): Stage {
  const workdir = opts.workdir ?? '/';
  const from = { line: 1, endLine: 1, raw: 'python:3.12', image: 'python:3.12', scratch: false };
  return {
    index: 0,
    from,
    instructions: (opts.copyTo ?? []).map((dest, i) => ({
      keyword: 'COPY' as const,
      line: 3 + i,
      endLine: 3 + i,
      sources: ['.'],
      dest,
    })),
    lastLine: 20,
    workdir,
    env: {},
    exposes: [],
    volumes: (opts.volumes ?? []).map((v) => ({
      keyword: 'VOLUME' as const,
      line: v.line,
      endLine: v.line,
      paths: v.paths,
    })),
  };
}

function dockerfile(s: Stage): DockerfileModel {
  return { file: 'Dockerfile', stages: [s], targetStage: s, builtStages: [s], globalArgs: [] };
}

function settings(assignments: SettingsModel['assignments'], hosts: ValueSource[] = []): SettingsModel {
  return {
    file: 'mysite/settings.py',
    module: 'mysite.settings',
    assignments,
    envReads: [],
    logHandlers: [],
    databases: {
      line: 10,
      selection: { kind: 'fixed' },
      configs: hosts.map((h) => ({ engine: 'django.db.backends.postgresql', line: 10, fields: { HOST: h } })),
    },
  };
}

runTable(serviceImageUnpinned, [
  { name: 'no tag', compose: y('services:', '  db:', '    image: postgres'), expect: ['compose.yaml:3'] },
  {
    name: ':latest',
    compose: y('services:', '  db:', '    image: redis:latest'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'registry with a port and no tag',
    compose: y('services:', '  db:', '    image: localhost:5000/cache'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'pinned postgres:16-alpine',
    compose: y('services:', '  db:', '    image: postgres:16-alpine'),
    expect: [],
  },
  {
    name: 'registry port with a tag',
    compose: y('services:', '  db:', '    image: localhost:5000/cache:7'),
    expect: [],
  },
  {
    name: 'digest without tag',
    compose: y('services:', '  db:', '    image: redis@sha256:0123abcd'),
    expect: [],
  },
  {
    name: '${REGISTRY}/app:${TAG} with nothing set',
    compose: y('services:', '  app:', '    image: ${REGISTRY}/app:${TAG}'),
    expect: [],
  },
  {
    name: 'a variable tag that resolves to latest',
    compose: y('services:', '  app:', '    image: app:${TAG:-latest}'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'a whole image from a variable',
    compose: y('services:', '  app:', '    image: ${IMAGE}'),
    expect: [],
  },
  {
    name: 'a service that builds names its own image',
    compose: y('services:', '  web:', '    build: .', '    image: mysite'),
    expect: [],
  },
  {
    name: 'the line of the override that wrote the image',
    compose: {
      'compose.yaml': y('services:', '  db:', '    image: postgres:16'),
      'compose.override.yaml': y(
        'services:',
        '  db:',
        '    environment:',
        '      A: b',
        '    image: postgres',
      ),
    },
    expect: ['compose.override.yaml:5'],
  },
]);

test('secret-looking names follow TF0306 and leave out pointers to secrets and tuning knobs', () => {
  for (const n of [
    'DB_PASSWORD',
    'SECRET_KEY',
    'DJANGO_SECRET_KEY',
    'GITHUB_TOKEN',
    'STRIPE_API_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'PRIVATE_PEM',
    'FERNET_KEY',
    'DB_PASSWD',
    'postgres_password',
    'DB_PASS',
    'MYSQL_PWD',
  ]) {
    assert.ok(isSecretName(n), n);
  }
  for (const n of [
    'POSTGRES_PASSWORD_FILE',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
    'ACCESS_TOKEN_LIFETIME',
    'DEBUG',
    'DB_HOST',
    'KEYCLOAK_URL',
    'POSTGRES_USER',
    'GPG_KEY',
    'AWS_ACCESS_KEY_ID',
  ]) {
    assert.ok(!isSecretName(n), n);
  }
});

runTable(secretInCompose, [
  {
    name: 'literal in environment mapping and list, in any service',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      - SECRET_KEY=django-insecure-abc',
      '      - DEBUG=1',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: postgres',
    ),
    expect: ['compose.yaml:5', 'compose.yaml:10'],
  },
  {
    name: 'literal in build.args',
    compose: y(
      'services:',
      '  web:',
      '    build:',
      '      context: .',
      '      args:',
      '        NPM_TOKEN: abc123',
    ),
    expect: ['compose.yaml:6'],
  },
  {
    name: '${DB_PASSWORD} interpolation, even when .env sets it',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
    ),
    env: { DB_PASSWORD: 'hunter2' },
    expect: [],
  },
  {
    name: 'env_file, bare names, empty values and secrets files',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    env_file: .env',
      '    environment:',
      '      - SECRET_KEY',
      '      - API_KEY=',
      '      - POSTGRES_PASSWORD_FILE=/run/secrets/db',
      '    secrets: [db]',
    ),
    expect: [],
  },
  {
    name: 'a literal from an anchor reports the line where it is written',
    compose: y(
      'x-env: &env',
      '  DJANGO_SECRET_KEY: abc',
      'services:',
      '  web:',
      '    build: .',
      '    environment: *env',
      '  worker:',
      '    build: .',
      '    environment: *env',
    ),
    expect: ['compose.yaml:2', 'compose.yaml:2'],
  },
]);

runTable(backingServiceLocalhost, [
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
      '      DATABASE_URL: ${DATABASE_URL:-postgres://localhost/app}',
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
    name: 'literal HOST in DATABASES, literal cache LOCATION and broker URL in settings',
    app: {
      settings: settings(
        [
          {
            name: 'CACHES',
            line: 30,
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

runTable(dependsOnUnhealthy, [
  {
    name: 'list form, database with a healthcheck',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      - db',
      '      - cache',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
      '  cache:',
      '    image: redis:7',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'service_healthy but the database has no healthcheck',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: mysql:8',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'service_healthy on a healthchecked database',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
    ),
    expect: [],
  },
  {
    name: 'a disabled healthcheck does not count',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      disable: true',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'no depends_on at all is not this rule',
    compose: y('services:', '  web:', '    build: .', '  db:', '    image: postgres:16'),
    expect: [],
  },
]);

const appCopiedToApp = {
  dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/app'] })),
  imageSourceDir: '/app',
};

runTable(sourceMountedOverImage, [
  {
    name: '.:/app over the code',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
  },
  {
    name: './:/app/ long syntax, from an override file',
    compose: {
      'compose.yaml': y('services:', '  web:', '    build: .'),
      'compose.override.yaml': y(
        'services:',
        '  web:',
        '    volumes:',
        '      - type: bind',
        '        source: ./',
        '        target: /app/',
      ),
    },
    app: appCopiedToApp,
    expect: ['compose.override.yaml:4'],
  },
  {
    name: 'the build context from a compose file in a subdirectory',
    compose: {
      'docker/compose.yaml': y(
        'services:',
        '  web:',
        '    build: ../src',
        '    volumes:',
        '      - ../src:/srv/app',
      ),
    },
    app: { dir: 'src', dockerfile: dockerfile(stage({ workdir: '/srv/app', copyTo: ['/srv/app'] })) },
    expect: ['docker/compose.yaml:5'],
  },
  {
    name: './media and static volumes are data, not code',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - ./media:/app/media',
      '      - static:/app/static',
    ),
    app: appCopiedToApp,
    expect: [],
  },
  {
    name: 'without knowing where the image holds the code, stay silent',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    expect: [],
  },
]);

runTable(postgresDataNotInVolume, [
  {
    name: 'postgres without volumes',
    compose: y('services:', '  db:', '    image: postgres:16'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'named volume at the data dir',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      'volumes:',
      '  pgdata:',
    ),
    expect: [],
  },
  {
    name: 'a bind mount persists too',
    compose: y(
      'services:',
      '  db:',
      '    image: mysql:8',
      '    volumes:',
      '      - ./data/mysql:/var/lib/mysql',
    ),
    expect: [],
  },
  {
    name: 'an anonymous volume or a volume elsewhere does not',
    compose: y(
      'services:',
      '  db:',
      '    image: mariadb:11',
      '    volumes:',
      '      - /var/lib/mysql',
      '  pg:',
      '    image: postgis/postgis:16-3.4',
      '    volumes:',
      '      - ./init.sql:/docker-entrypoint-initdb.d/init.sql',
    ),
    expect: ['compose.yaml:3', 'compose.yaml:7'],
  },
  {
    name: 'PGDATA moves the data dir',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      PGDATA: /pgdata/data',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      '  db2:',
      '    image: postgres:16',
      '    environment:',
      '      PGDATA: /var/lib/postgresql/data/pgdata',
      '    volumes:',
      '      - pgdata2:/var/lib/postgresql/data',
    ),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'postgres 18 keeps data under /var/lib/postgresql',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:18',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql',
    ),
    expect: [],
  },
  {
    name: 'a tmpfs at the data dir is a deliberate throwaway database',
    compose: y('services:', '  db:', '    image: postgres:16', '    tmpfs: /var/lib/postgresql/data'),
    expect: [],
  },
  {
    name: 'redis is not a database here',
    compose: y('services:', '  cache:', '    image: redis:7'),
    expect: [],
  },
]);

runTable(volumeOverSource, [
  {
    name: 'VOLUME /app in the target stage where the code is copied',
    app: {
      dockerfile: dockerfile(
        stage({ workdir: '/app', copyTo: ['/app'], volumes: [{ line: 9, paths: ['/app'] }] }),
      ),
    },
    expect: ['Dockerfile:9'],
  },
  {
    name: 'a named compose volume on the code dir',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - code:/app',
      'volumes:',
      '  code:',
    ),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
  },
  {
    name: 'data volumes under the code dir, binds and anonymous volumes are fine',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - media:/app/media',
      '      - /app/node_modules',
      '      - .:/app',
    ),
    app: {
      ...appCopiedToApp,
      dockerfile: dockerfile(
        stage({ workdir: '/app', copyTo: ['/app'], volumes: [{ line: 9, paths: ['/app/media'] }] }),
      ),
    },
    expect: [],
  },
  {
    name: 'a WORKDIR that receives no code is not the code dir',
    app: { dockerfile: dockerfile(stage({ workdir: '/data', volumes: [{ line: 9, paths: ['/data'] }] })) },
    expect: [],
  },
]);

runTable(fixedContainerName, [
  {
    name: 'container_name on the app',
    compose: y('services:', '  web:', '    build: .', '    container_name: mysite_web'),
    expect: ['compose.yaml:4'],
  },
  {
    name: 'container_name on the database only',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '  db:',
      '    image: postgres:16',
      '    container_name: db',
    ),
    expect: [],
  },
]);

test('${PORT} in ports is modelled without an error and fires nothing', () => {
  const p = projectOf({
    name: 'ports',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    ports:',
      '      - "${PORT}:8000"',
      '      - "${PORT:-8000}:${PORT:-8000}"',
    ),
    expect: [],
  });
  const rules = [
    serviceImageUnpinned,
    secretInCompose,
    backingServiceLocalhost,
    dependsOnUnhealthy,
    postgresDataNotInVolume,
    fixedContainerName,
  ];
  assert.deepEqual(
    rules.flatMap((r) => r.check(p)),
    [],
  );
  assert.deepEqual(
    p.apps[0]?.compose?.appService?.ports.map((x) => x.target),
    [8000, 8000],
  );
});
