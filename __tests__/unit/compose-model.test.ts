import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { interpolate, modelCompose, parseDotenv, roleOf, splitImage } from '../../src/model/compose.js';
import type { ComposeModel, ComposeService } from '../../src/model/types/compose.js';
import { composeText } from '../robust/generators.js';

function model(
  files: Record<string, string>,
  env: Record<string, string> = {},
  texts: Record<string, string> = {},
): { model?: ComposeModel; errors: { file: string; line?: number; message: string }[] } {
  return modelCompose(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    env,
    { texts },
  );
}

function svc(m: ComposeModel | undefined, name: string): ComposeService {
  const s = m?.services.find((x) => x.name === name);
  assert.ok(s, `service ${name} modelled`);
  return s;
}

test('interpolation forms follow compose; a variable with no default left unset is said so', () => {
  const env = { SET: 'v', EMPTY: '' };
  const cases: [string, string, boolean, boolean?, string[]?][] = [
    ['${SET}', 'v', true],
    ['${UNSET}', '', true, true, ['UNSET']],
    ['${UNSET:-d}', 'd', true],
    ['${EMPTY:-d}', 'd', true],
    ['${EMPTY-d}', '', true],
    ['${UNSET-d}', 'd', true],
    ['${UNSET:?needed}', '', true, true],
    ['${SET?needed}', 'v', true],
    ['${SET:+r}', 'r', true],
    ['${UNSET:+r}', '', true],
    ['$SET/x', 'v/x', true],
    ['$UNSET/x', '/x', true, true, ['UNSET']],
    ['${UNSET:-${OTHER}}/x', '/x', true, true, ['OTHER']],
    ['a$$b', 'a$b', false],
    ['$$SET', '$SET', false],
    ['${UNSET:-${SET}}', 'v', true],
    ['plain', 'plain', false],
    ['cost $5', 'cost $5', false],
  ];
  // `${UNSET:?needed}` is unset too, but compose stops there instead of filling it with ''.
  for (const [raw, value, interpolated, unset, unsetNames] of cases) {
    const expected = {
      value,
      interpolated,
      ...(unset ? { unset } : {}),
      ...(unsetNames ? { unsetNames } : {}),
    };
    assert.deepEqual(interpolate(raw, env), expected, raw);
  }
});

test('image references split with registry ports and digests', () => {
  assert.deepEqual(splitImage('postgres'), { repository: 'postgres' });
  assert.deepEqual(splitImage('postgres:16-alpine'), { repository: 'postgres', tag: '16-alpine' });
  assert.deepEqual(splitImage('localhost:5000/app'), { repository: 'localhost:5000/app' });
  assert.deepEqual(splitImage('localhost:5000/app:1.2'), { repository: 'localhost:5000/app', tag: '1.2' });
  assert.deepEqual(splitImage('redis@sha256:abc'), { repository: 'redis', digest: 'sha256:abc' });
  assert.deepEqual(splitImage('ghcr.io/o/app:1@sha256:abc'), {
    repository: 'ghcr.io/o/app',
    tag: '1',
    digest: 'sha256:abc',
  });
  assert.equal(roleOf('postgis/postgis'), 'postgres');
  assert.equal(roleOf('bitnami/postgresql'), 'postgres');
  assert.equal(roleOf('mysql'), 'mysql');
  assert.equal(roleOf('mariadb'), 'mariadb');
  assert.equal(roleOf('mcr.microsoft.com/mssql/server'), 'sqlserver');
  assert.equal(roleOf('mcr.microsoft.com/mssql/rhel/server'), 'sqlserver');
  assert.equal(roleOf('mcr.microsoft.com/azure-sql-edge'), 'sqlserver');
  assert.equal(roleOf('mongo'), 'mongo');
  assert.equal(roleOf('bitnami/mongodb'), 'mongo');
  assert.equal(roleOf('cockroachdb/cockroach'), 'cockroach');
  assert.equal(roleOf('nginx/server'), 'other');
  assert.equal(roleOf('library/redis'), 'redis');
  assert.equal(roleOf('rabbitmq'), 'other');
  // A team's own database image, named by a word of its name; tools around a database are not one.
  assert.equal(roleOf('hsn/backend-postgres'), 'postgres');
  assert.equal(roleOf('acme/shop_redis'), 'redis');
  assert.equal(roleOf('prometheuscommunity/postgres-exporter'), 'other');
  assert.equal(roleOf('acme/postgres-backup'), 'other');
  assert.equal(roleOf('acme/postgresite'), 'other');
});

test('every value carries its file and the line where it is written', () => {
  const { model: m, errors } = model({
    'compose.yaml': [
      'services:', //1
      '  web:', //2
      '    build: .', //3
      '    command: gunicorn mysite.wsgi', //4
      '    environment:', //5
      '      - DEBUG=0', //6
      '      - DB_HOST', //7
      '    ports:', //8
      '      - "8000:8000"', //9
      '    volumes:', //10
      '      - .:/app', //11
      '      - static:/app/static:ro', //12
      '    depends_on:', //13
      '      db:', //14
      '        condition: service_healthy', //15
      '    container_name: web', //16
      '  db:', //17
      '    image: postgres:16', //18
      '    healthcheck:', //19
      '      test: ["CMD", "pg_isready"]', //20
      'volumes:', //21
      '  static:', //22
    ].join('\n'),
  });
  assert.deepEqual(errors, []);
  const web = svc(m, 'web');
  assert.equal(m?.appService?.name, 'web');
  assert.equal(web.role, 'app');
  assert.equal(web.line, 2);
  assert.deepEqual(web.build, {
    file: 'compose.yaml',
    line: 3,
    context: '.',
    dockerfile: 'Dockerfile',
    args: {},
    argEntries: [],
  });
  assert.equal(web.command?.line, 4);
  assert.equal(web.command?.raw, 'gunicorn mysite.wsgi');
  assert.deepEqual(
    web.environment.map((e) => [e.name, e.value, e.line, e.interpolated]),
    [
      ['DEBUG', '0', 6, false],
      ['DB_HOST', undefined, 7, false],
    ],
  );
  assert.deepEqual(web.ports, [
    { file: 'compose.yaml', line: 9, raw: '8000:8000', target: 8000, published: '8000' },
  ]);
  assert.deepEqual(
    web.volumes.map((v) => [v.type, v.source, v.target, v.readOnly, v.line]),
    [
      ['bind', '.', '/app', false, 11],
      ['volume', 'static', '/app/static', true, 12],
    ],
  );
  assert.deepEqual(web.dependsOn, [
    { file: 'compose.yaml', line: 14, service: 'db', condition: 'service_healthy' },
  ]);
  assert.deepEqual(web.containerName, { file: 'compose.yaml', line: 16, value: 'web', raw: 'web' });
  const db = svc(m, 'db');
  assert.equal(db.role, 'postgres');
  assert.deepEqual(db.image && [db.image.line, db.image.repository, db.image.tag], [18, 'postgres', '16']);
  assert.deepEqual(db.healthcheck, { file: 'compose.yaml', line: 19, disabled: false, ownTest: true });
  assert.deepEqual(m?.volumes, ['static']);
});

test('override files merge with compose semantics and keep the positions of the winning file', () => {
  const { model: m, errors } = model({
    'docker-compose.yml': [
      'services:', //1
      '  web:', //2
      '    build: .', //3
      '    command: ["gunicorn", "mysite.wsgi"]', //4
      '    environment:', //5
      '      DEBUG: "0"', //6
      '      DB_HOST: db', //7
      '    ports: ["8000:8000"]', //8
      '    volumes:', //9
      '      - static:/app/static', //10
      '      - media:/app/media', //11
    ].join('\n'),
    'docker-compose.override.yml': [
      'services:', //1
      '  web:', //2
      '    build:', //3
      '      target: dev', //4
      '    command: python manage.py runserver 0.0.0.0:8000', //5
      '    environment:', //6
      '      - DEBUG=1', //7
      '    ports:', //8
      '      - "5678:5678"', //9
      '    volumes:', //10
      '      - ./media:/app/media', //11
    ].join('\n'),
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(m?.files, ['docker-compose.yml', 'docker-compose.override.yml']);
  const web = svc(m, 'web');
  assert.equal(web.file, 'docker-compose.yml');
  assert.deepEqual(web.build && [web.build.context, web.build.target, web.build.file, web.build.line], [
    '.',
    'dev',
    'docker-compose.override.yml',
    3,
  ]);
  assert.equal(web.command?.argv, undefined, 'command replaced, not merged');
  assert.deepEqual([web.command?.file, web.command?.line], ['docker-compose.override.yml', 5]);
  assert.deepEqual(
    web.environment.map((e) => [e.name, e.value, e.file, e.line]),
    [
      ['DEBUG', '1', 'docker-compose.override.yml', 7],
      ['DB_HOST', 'db', 'docker-compose.yml', 7],
    ],
  );
  assert.deepEqual(
    web.ports.map((p) => [p.raw, p.file, p.line]),
    [
      ['8000:8000', 'docker-compose.yml', 8],
      ['5678:5678', 'docker-compose.override.yml', 9],
    ],
  );
  assert.deepEqual(
    web.volumes.map((v) => [v.type, v.source, v.target, v.file]),
    [
      ['volume', 'static', '/app/static', 'docker-compose.yml'],
      ['bind', 'media', '/app/media', 'docker-compose.override.yml'],
    ],
  );
});

test('extends in the same file and from another file, with cycles refused', () => {
  const { model: m, errors } = model(
    {
      'deploy/compose.yaml': [
        'services:', //1
        '  base:', //2
        '    build: ..', //3
        '    environment:', //4
        '      A: "1"', //5
        '  web:', //6
        '    extends: base', //7
        '    command: gunicorn x.wsgi', //8
        '  worker:', //9
        '    extends:', //10
        '      file: common.yaml', //11
        '      service: worker', //12
        '  a:', //13
        '    extends: b', //14
        '  b:', //15
        '    extends: a', //16
      ].join('\n'),
    },
    {},
    {
      'deploy/common.yaml': [
        'services:',
        '  worker:',
        '    image: python:3.12',
        '    volumes:',
        '      - ./data:/data',
      ].join('\n'),
    },
  );
  const web = svc(m, 'web');
  assert.deepEqual(web.build && [web.build.context, web.build.dockerfile, web.build.line], [
    '.',
    'Dockerfile',
    3,
  ]);
  assert.deepEqual(
    web.environment.map((e) => [e.name, e.file, e.line]),
    [['A', 'deploy/compose.yaml', 5]],
  );
  assert.equal(m?.appService?.name, 'web');
  const worker = svc(m, 'worker');
  assert.deepEqual(worker.image && [worker.image.file, worker.image.line], ['deploy/common.yaml', 3]);
  assert.deepEqual(
    worker.volumes.map((v) => [v.source, v.file, v.line]),
    [['deploy/data', 'deploy/common.yaml', 5]],
  );
  assert.ok(errors.some((e) => /cycle/.test(e.message) && e.file === 'deploy/compose.yaml'));
  assert.ok(m?.services.some((s) => s.name === 'a'));
});

test('environment values: interpolated, literal, bare, empty, numbers', () => {
  const { model: m } = model(
    {
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: ${REGISTRY}/app:${TAG:-1.0}',
        '    environment:',
        '      PASSWORD: ${DB_PASSWORD}',
        '      LITERAL: secret',
        '      BARE:',
        '      EMPTY: ""',
        '      PORT: 8000',
        '      ESCAPED: $$notavar',
      ].join('\n'),
    },
    { DB_PASSWORD: 'x', REGISTRY: 'ghcr.io/o' },
  );
  const web = svc(m, 'web');
  assert.deepEqual(
    web.environment.map((e) => [e.name, e.value, e.raw, e.interpolated]),
    [
      ['PASSWORD', 'x', '${DB_PASSWORD}', true],
      ['LITERAL', 'secret', 'secret', false],
      ['BARE', undefined, undefined, false],
      ['EMPTY', '', '', false],
      ['PORT', '8000', '8000', false],
      ['ESCAPED', '$notavar', '$$notavar', false],
    ],
  );
  assert.deepEqual(
    web.image && [web.image.value, web.image.repository, web.image.tag, web.image.interpolated],
    ['ghcr.io/o/app:1.0', 'ghcr.io/o/app', '1.0', true],
  );
  assert.equal(m?.appService, undefined, 'no build and no Django command: no app service');
});

test('anchors, aliases and merge keys keep the line where the value is written', () => {
  const { model: m, errors } = model({
    'compose.yaml': [
      'x-common: &common', //1
      '  environment:', //2
      '    DB_HOST: db', //3
      '  restart: always', //4
      'services:', //5
      '  web:', //6
      '    <<: *common', //7
      '    build: .', //8
      '  worker:', //9
      '    <<: *common', //10
      '    build: .', //11
      '    command: celery -A mysite worker', //12
    ].join('\n'),
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    svc(m, 'worker').environment.map((e) => [e.name, e.line]),
    [['DB_HOST', 3]],
  );
  assert.equal(m?.appService?.name, 'web');
});

test('build mapping: context and dockerfile relative to the compose file, args as list or mapping', () => {
  const { model: m } = model({
    'ops/compose.yaml': [
      'services:',
      '  web:',
      '    build:',
      '      context: ../src',
      '      dockerfile: docker/Dockerfile.prod',
      '      target: runtime',
      '      args:',
      '        - PYTHON=3.12',
      '        - SECRET_KEY=abc',
      '        - FROM_ENV',
    ].join('\n'),
  });
  const b = svc(m, 'web').build;
  assert.equal(b?.context, 'src');
  assert.equal(b?.dockerfile, 'src/docker/Dockerfile.prod');
  assert.equal(b?.target, 'runtime');
  assert.deepEqual(b?.args, { PYTHON: '3.12', SECRET_KEY: 'abc', FROM_ENV: undefined });
  assert.deepEqual(
    b?.argEntries?.map((a) => [a.name, a.line]),
    [
      ['PYTHON', 8],
      ['SECRET_KEY', 9],
      ['FROM_ENV', 10],
    ],
  );
});

test('ports, volumes, depends_on, healthcheck and env_file in all their syntaxes', () => {
  const { model: m, errors } = model(
    {
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    ports:',
        '      - 8000',
        '      - "127.0.0.1:8000:8000/tcp"',
        '      - "${PORT}:8000"',
        '      - target: 9000',
        '        published: "9000"',
        '    expose: ["8000", 9001]',
        '    volumes:',
        '      - /data',
        '      - type: bind',
        '        source: ./src',
        '        target: /app/src',
        '        read_only: true',
        '      - type: tmpfs',
        '        target: /tmp',
        '    tmpfs: /run',
        '    depends_on: [db, cache]',
        '    env_file:',
        '      - .env',
        '      - path: ./web.env',
        '    secrets: [db_password]',
        '  db:',
        '    image: postgres:16',
        '    healthcheck:',
        '      disable: true',
        '  cache:',
        '    image: redis',
        '    healthcheck:',
        '      test: ["NONE"]',
        '    env_file: cache.env',
      ].join('\n'),
    },
    {},
    { '.env': 'DB_HOST=localhost\n# comment\nexport DEBUG="1"\n' },
  );
  assert.deepEqual(errors, []);
  const web = svc(m, 'web');
  assert.deepEqual(
    web.ports.map((p) => [p.target, p.published, p.hostIp]),
    [
      [8000, undefined, undefined],
      [8000, '8000', '127.0.0.1'],
      [8000, '', undefined],
      [9000, '9000', undefined],
    ],
  );
  assert.deepEqual(
    web.expose.map((e) => e.port),
    [8000, 9001],
  );
  assert.deepEqual(
    web.volumes.map((v) => [v.type, v.source, v.target, v.readOnly]),
    [
      ['volume', undefined, '/data', false],
      ['bind', 'src', '/app/src', true],
      ['tmpfs', undefined, '/tmp', false],
      ['tmpfs', undefined, '/run', false],
    ],
  );
  assert.deepEqual(
    web.dependsOn.map((d) => [d.service, d.condition]),
    [
      ['db', undefined],
      ['cache', undefined],
    ],
  );
  assert.deepEqual(
    web.envFiles.map((f) => f.path),
    ['.env', 'web.env'],
  );
  assert.deepEqual(
    web.environment.map((e) => [e.name, e.value, e.file, e.line, e.source]),
    [
      ['DB_HOST', 'localhost', '.env', 1, 'env_file'],
      ['DEBUG', '1', '.env', 3, 'env_file'],
    ],
  );
  assert.deepEqual(web.secrets, ['db_password']);
  assert.equal(svc(m, 'db').healthcheck?.disabled, true);
  assert.equal(svc(m, 'cache').healthcheck?.disabled, true);
  assert.deepEqual(
    svc(m, 'cache').envFiles.map((f) => [f.path, f.line]),
    [['cache.env', 33]],
  );
});

test('values of the wrong type are skipped with an error at their line, the rest is modelled', () => {
  const { model: m, errors } = model({
    'compose.yaml': [
      'services:', //1
      '  web:', //2
      '    build: .', //3
      '    ports: "8000:8000"', //4
      '    environment:', //5
      '      - DEBUG=1', //6
      '      - {nested: map}', //7
      '    volumes:', //8
      '      - [a, b]', //9
      '      - ./src:/app', //10
      '    command: {a: 1}', //11
      '  broken: 42', //12
      '  db:', //13
      '    image: [postgres]', //14
    ].join('\n'),
  });
  assert.deepEqual(
    errors.map((e) => [e.file, e.line]),
    [
      ['compose.yaml', 12],
      ['compose.yaml', 4],
      ['compose.yaml', 7],
      ['compose.yaml', 9],
      ['compose.yaml', 11],
      ['compose.yaml', 14],
    ],
  );
  assert.ok(errors.every((e) => / must be /.test(e.message)));
  const web = svc(m, 'web');
  assert.deepEqual(
    web.environment.map((e) => e.name),
    ['DEBUG'],
  );
  assert.deepEqual(
    web.volumes.map((v) => v.target),
    ['/app'],
  );
  assert.equal(web.command, undefined);
  assert.equal(
    m?.services.some((s) => s.name === 'broken'),
    false,
  );
  assert.equal(svc(m, 'db').image, undefined);
});

test('invalid YAML gives an error with its line and the other files are still used', () => {
  const { model: m, errors } = model({
    'compose.yaml': 'services:\n  web:\n    build: .\n',
    'compose.override.yaml': 'services:\n  web:\n    ports: [\n  db: x\n',
  });
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.file, 'compose.override.yaml');
  assert.equal(typeof errors[0]?.line, 'number');
  assert.deepEqual(m?.files, ['compose.yaml']);
  assert.equal(m?.appService?.name, 'web');

  const none = model({ 'compose.yaml': 'services: [\n' });
  assert.equal(none.model, undefined);
  assert.equal(none.errors.length, 1);
});

test('a top level that is not a mapping, or an empty file, never throws', () => {
  assert.equal(model({ 'compose.yaml': '- a\n- b\n' }).errors[0]?.line, 1);
  assert.deepEqual(model({ 'compose.yaml': '' }).model?.services, []);
  assert.deepEqual(model({ 'compose.yaml': 'services:\n' }).model?.services, []);
  assert.equal(model({ 'compose.yaml': 'services: 3\n' }).errors[0]?.line, 1);
});

test('an alias bomb fails cleanly and quickly', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  lines.push('services:\n  web:\n    build: .');
  const started = Date.now();
  const { model: m, errors } = model({ 'compose.yaml': lines.join('\n') });
  assert.ok(Date.now() - started < 2000);
  assert.equal(m, undefined);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /alias/i);
});

test('the app service is the one that builds, preferring the Django one, else the one running manage.py', () => {
  const pick = (text: string): string | undefined => model({ 'compose.yaml': text }).model?.appService?.name;
  assert.equal(
    pick(
      'services:\n  frontend:\n    build: ./frontend\n  api:\n    build: ./backend\n    command: gunicorn api.wsgi\n',
    ),
    'api',
  );
  assert.equal(pick('services:\n  a:\n    build: ./a\n  b:\n    build: ./b\n'), 'a');
  assert.equal(
    pick(
      'services:\n  db:\n    image: postgres:16\n  web:\n    image: me/app:1\n    command: python manage.py migrate\n',
    ),
    'web',
  );
  assert.equal(pick('services:\n  db:\n    image: postgres:16\n'), undefined);
});

test('the app service may be known only by the start script it runs, looked up in the tree', () => {
  const pick = (text: string, texts: Record<string, string>): string | undefined =>
    model({ 'compose.yaml': text }, {}, texts).model?.appService?.name;
  const built =
    'services:\n  frontend:\n    build: ./frontend\n  api:\n    build: ./backend\n    command: ./scripts/start.sh\n';
  const start = '#!/bin/sh\npython manage.py migrate\npython manage.py runserver 0.0.0.0:8000\n';
  assert.equal(pick(built, { 'backend/scripts/start.sh': start }), 'api');
  assert.equal(pick(built, { 'backend/scripts/start.sh': '#!/bin/sh\nnpm start\n' }), 'frontend');
  const chained = 'services:\n  web:\n    image: me/app:1\n    command: ["sh", "/app/wait.sh"]\n';
  assert.equal(
    pick(chained, {
      'app/wait.sh': 'until pg_isready; do sleep 1; done\n./start.sh\n',
      'start.sh': 'exec gunicorn a.wsgi\n',
    }),
    'web',
    'a script that runs another, found by the path it has in the image',
  );
  assert.equal(pick(chained, { 'app/wait.sh': 'until pg_isready; do sleep 1; done\n' }), undefined);
});

test('.env parsing', () => {
  assert.deepEqual(parseDotenv('A=1\n\n# c\nexport B="two words"\nC\nD=x # note\n'), [
    { name: 'A', value: '1', line: 1 },
    { name: 'B', value: 'two words', line: 4 },
    { name: 'C', value: undefined, line: 5 },
    { name: 'D', value: 'x', line: 6 },
  ]);
});

test('arbitrary compose text never throws, and every position lies inside its file', () => {
  const lineCount = (t: string): number => t.split(/\r\n|\r|\n/).length;
  fc.assert(
    fc.property(composeText, composeText, (base, override) => {
      const texts: Record<string, string> = { 'compose.yaml': base, 'compose.override.yaml': override };
      const { model: m, errors } = model(texts, { PW: 'x' });
      for (const e of errors) {
        assert.ok(e.file in texts);
        if (e.line !== undefined)
          assert.ok(e.line >= 1 && e.line <= lineCount(texts[e.file]!), JSON.stringify(e));
      }
      const check = (v: unknown): void => {
        if (Array.isArray(v)) return v.forEach(check);
        if (v === null || typeof v !== 'object') return;
        const at = v as { file?: unknown; line?: unknown };
        if (typeof at.file === 'string' && typeof at.line === 'number') {
          assert.ok(at.file in texts, at.file);
          assert.ok(at.line >= 1 && at.line <= lineCount(texts[at.file]!), `${at.file}:${at.line}`);
        }
        for (const x of Object.values(v)) check(x);
      };
      check(m?.services);
    }),
    { numRuns: 300 },
  );
});

test('!reset and !override in an override file', () => {
  const { model: m, errors } = model({
    'compose.yaml':
      'services:\n  web:\n    build: .\n    ports: ["8000:8000"]\n    volumes:\n      - .:/app\n    container_name: web\n',
    'compose.prod.yaml':
      'services:\n  web:\n    ports: !override\n      - "80:8000"\n    volumes: !reset []\n    container_name: !reset null\n',
  });
  assert.deepEqual(errors, []);
  const web = svc(m, 'web');
  assert.deepEqual(
    web.ports.map((p) => [p.raw, p.file]),
    [['80:8000', 'compose.prod.yaml']],
  );
  assert.deepEqual(web.volumes, []);
  assert.equal(web.containerName, undefined);
});

test('!reset and !override on a whole service: dropped, or replaced instead of merged', () => {
  const { model: m, errors } = model({
    'compose.yaml':
      'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n  debug:\n    image: busybox:1.36\n',
    'compose.prod.yaml':
      'services:\n  web: !override\n    build: .\n    restart: always\n  debug: !reset {}\n',
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    m?.services.map((s) => s.name),
    ['web'],
  );
  assert.deepEqual(svc(m, 'web').volumes, []);
  assert.equal(svc(m, 'web').file, 'compose.prod.yaml');
});

test('a repeated key is reported at its line and read with the last value winning, as the old docker-compose did', () => {
  const { model: m, errors } = model({
    'compose.yaml': 'services:\n  web:\n    image: a:1\n    container_name: web\n    image: b:2\n',
  });
  assert.deepEqual(
    errors.map((e) => [e.file, e.line]),
    [['compose.yaml', 5]],
  );
  assert.match(errors[0]!.message, /'image' is repeated \(earlier at line 3\): docker compose v2 rejects/);
  assert.equal(svc(m, 'web').image?.value, 'b:2');
  assert.equal(svc(m, 'web').containerName?.value, 'web');
});

test('a repeated key under an anchor is said once however often the alias expands it', () => {
  const { errors } = model({
    'compose.yaml':
      'x-app: &app\n  image: a:1\n  image: b:2\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n',
  });
  assert.deepEqual(
    errors.map((e) => [e.file, e.line]),
    [['compose.yaml', 3]],
  );
});

test('thousands of services are modelled in linear time', () => {
  const text = (n: number): string =>
    'services:\n' + Array.from({ length: n }, (_, i) => `  svc${i}:\n    image: redis:7\n`).join('');
  // The smallest CPU time of three runs: other processes' load moves wall time, hardly this.
  const time = (n: number): number => {
    const files = { 'compose.yaml': text(n) };
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = process.cpuUsage();
      assert.equal(model(files).model?.services.length, n);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  time(500);
  const small = Math.max(time(1000), 10);
  const large = time(8000);
  // Linear would be ×8, quadratic ×64.
  assert.ok(large < small * 24, `1000 → 8000 services: ${small.toFixed(1)} → ${large.toFixed(1)} ms of CPU`);
});

test('among built services the app runs the server; databases, workers, docs and non-Python images are marked', () => {
  const compose = [
    'services:',
    '  proxy: {build: ./proxy}',
    '  front: {build: ./front}',
    '  worker: {build: ., command: celery -A mysite worker}',
    '  docs: {build: {context: ., dockerfile: docs.Dockerfile}, command: /start-docs}',
    '  db: {build: {context: ., dockerfile: db.Dockerfile}, image: mysite_db}',
    '  web: {build: .}',
  ].join('\n');
  const texts = {
    'proxy/Dockerfile': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
    'front/Dockerfile': 'FROM node:20\nCOPY . .\nRUN npm run build\n',
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docs.Dockerfile': 'FROM python:3.12\nRUN pip install sphinx\nCOPY start-docs /start-docs\n',
    'start-docs': 'exec sphinx-autobuild /docs /docs/_build\n',
    'db.Dockerfile': 'FROM docker.io/postgres:17 AS db\nFROM db\n',
    'manage.py': '',
  };
  const m = model({ 'compose.yaml': compose }, {}, texts).model;
  assert.equal(m?.appService?.name, 'web', 'the image CMD starts gunicorn');
  const marks = Object.fromEntries(m!.services.map((s) => [s.name, [s.role, s.notApp]]));
  assert.deepEqual(marks, {
    proxy: ['other', 'no-python'],
    front: ['other', 'no-python'],
    worker: ['other', 'worker'],
    docs: ['other', 'other-program'],
    db: ['postgres', 'database'],
    web: ['app', undefined],
  });
});

test('services that pass their role to one entrypoint script run its branch: the worker is not the app', () => {
  const compose = (first: string) =>
    ['services:', `  worker: {build: ., command: ${first}}`, '  web: {build: ., command: web}'].join('\n');
  const texts = {
    Dockerfile:
      'FROM python:3.12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["web"]\n',
    'entrypoint.sh': [
      'set -e -o pipefail',
      'case "$1" in',
      '  web) exec gunicorn mysite.wsgi ;;',
      '  worker) exec celery -A mysite worker ;;',
      '  *) exec "$@" ;;',
      'esac',
    ].join('\n'),
    'manage.py': '',
  };
  const m = model({ 'compose.yaml': compose('worker') }, {}, texts).model;
  assert.equal(m?.appService?.name, 'web');
  assert.equal(svc(m, 'worker').notApp, 'worker');
  // arguments the script cannot be known to get keep every branch: the first service serving is the app
  const unknown = model({ 'compose.yaml': compose('"$$ROLE"') }, {}, texts).model;
  assert.equal(unknown?.appService?.name, 'worker');
});

test('a compose command relative to the image WORKDIR finds the script the Dockerfile copied there', () => {
  const compose = [
    'services:',
    '  nginx: {build: ./nginx}',
    '  app: {build: {context: ., dockerfile: Dockerfile.prod}, command: ../entrypoint.sh}',
  ].join('\n');
  const texts = {
    'nginx/Dockerfile': 'FROM nginx\n',
    'Dockerfile.prod':
      'FROM python:3.12\nWORKDIR /srv\nCOPY ./entrypoint.sh ./\nCOPY ./app ./app\nWORKDIR /srv/app\n',
    'entrypoint.sh': 'python manage.py migrate\ngunicorn mysite.wsgi\n',
    'app/manage.py': '',
  };
  const m = model({ 'docker-compose.prod.yml': compose }, {}, texts).model;
  assert.equal(m?.appService?.name, 'app');
  // Without the image, `..` leaves the tree and the script is not found: the app still is not nginx.
  const bare = model(
    { 'docker-compose.prod.yml': compose },
    {},
    { ...texts, 'Dockerfile.prod': 'FROM python:3.12\n' },
  );
  assert.equal(bare.model?.appService?.name, 'app');
});

test('a legacy version-1 file (services at the top level) is read as services, with a notice on line 1', () => {
  const { model: m, errors } = model({
    'docker-compose.yml': [
      'web:', //1
      '  build: .', //2
      '  command: uwsgi --ini uwsgi.ini', //3
      '  ports: ["8000:8000"]', //4
      '  links: [db]', //5
      'db:', //6
      '  image: postgres', //7
      'x-notes:', //8
      '  image: not-a-service', //9
    ].join('\n'),
  });
  assert.deepEqual(
    m?.services.map((s) => [s.name, s.line]),
    [
      ['web', 1],
      ['db', 6],
    ],
  );
  assert.equal(svc(m, 'web').ports[0]?.target, 8000);
  assert.equal(svc(m, 'db').image?.value, 'postgres');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.line, 1);
  assert.match(errors[0]?.message ?? '', /legacy version-1 format .* docker compose v2 rejects/);
});

test('a file with no services key and nothing that looks like a service is no legacy file', () => {
  const { model: m, errors } = model({
    'docker-compose.yml': ['version: "3.8"', 'volumes:', '  data:', 'x-common:', '  restart: always'].join(
      '\n',
    ),
  });
  assert.deepEqual(m?.services ?? [], []);
  assert.deepEqual(errors, []);
});

test('a mount source from an unset variable keeps its written form for messages', () => {
  const { model: m } = model(
    {
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    volumes:',
        '      - ${DATA_DIR}/media:/app/media',
        '      - ${SET_DIR}/static:/app/static',
        '      - type: bind',
        '        source: ${BACKUP_DIR:-./backups}',
        '        target: /backups',
        '      - type: volume',
        '        source: ${VOLUME_NAME}',
        '        target: /data',
      ].join('\n'),
    },
    { SET_DIR: './s' },
  );
  assert.deepEqual(
    svc(m, 'web').volumes.map((v) => [v.source, v.writtenSource]),
    [
      ['/media', '${DATA_DIR}/media'],
      ['s/static', undefined],
      ['backups', undefined],
      [undefined, '${VOLUME_NAME}'],
    ],
  );
});

test('volumes_from: a service, `:ro`, and `container:NAME` give their volumes and their image VOLUMEs', () => {
  const { model: m } = model(
    {
      'docker-compose.yml': [
        'version: "2"',
        'services:',
        '  data:',
        '    build: deploy/data',
        '    container_name: site_data',
        '  uploads:',
        '    image: busybox:1.36',
        '    volumes:',
        '      - media:/srv/media',
        '  web:',
        '    build: .',
        '    volumes_from:',
        '      - uploads:ro',
        '      - container:site_data',
        'volumes:',
        '  media:',
        '',
      ].join('\n'),
    },
    {},
    { 'deploy/data/Dockerfile': 'FROM busybox:1.36\nVOLUME /media /static\nCMD ["true"]\n' },
  );
  const web = svc(m, 'web');
  assert.deepEqual(
    web.volumesFrom?.map((v) => [v.service ?? `container:${v.container}`, v.line]),
    [
      ['uploads', 13],
      ['container:site_data', 14],
    ],
  );
  assert.deepEqual(
    web.inheritedVolumes?.map((v) => [v.from, v.target]),
    [
      ['uploads', '/srv/media'],
      ['data', '/media'],
      ['data', '/static'],
    ],
  );
  assert.equal(svc(m, 'data').inheritedVolumes, undefined);
});

test('the app service is the built image with Python in it, not a search engine built before it', () => {
  const { model: m } = model(
    {
      'compose.yaml': [
        'services:',
        '  search:',
        '    build: {context: ., dockerfile: deploy/search/Dockerfile}',
        '  web:',
        '    build: {context: ., dockerfile: deploy/web/Dockerfile}',
        '',
      ].join('\n'),
    },
    {},
    {
      'deploy/search/Dockerfile': 'FROM elasticsearch:5\nCMD ["-E", "network.host=0.0.0.0"]\n',
      'deploy/web/Dockerfile': 'FROM python:3\nCOPY . /code\nRUN pip install -r /code/requirements.txt\n',
    },
  );
  assert.equal(m?.appService?.name, 'web');
});

test('a mount target from an unset variable keeps its written form for messages', () => {
  const { model: m } = model({
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - .:/${API}',
      '      - ./media:/app/media',
      '      - type: bind',
      '        source: .',
      '        target: /${API}',
      '',
    ].join('\n'),
  });
  assert.deepEqual(
    svc(m, 'web').volumes.map((v) => [v.target, v.writtenTarget]),
    [
      ['/', '/${API}'],
      ['/app/media', undefined],
      ['/', '/${API}'],
    ],
  );
});

test('an empty compose file is refused as compose refuses it, unless another file of the project defines something', () => {
  for (const text of ['', '# to do\n']) {
    const { model: m, errors } = model({ 'docker-compose.yml': text });
    assert.deepEqual(m?.services, []);
    assert.deepEqual(
      errors.map((e) => [e.file, e.line]),
      [['docker-compose.yml', 1]],
    );
    assert.match(errors[0]!.message, /docker-compose\.yml is empty .*"empty compose file"/);
  }
  const merged = model({
    'docker-compose.yml': '',
    'docker-compose.override.yml': 'services:\n  web:\n    image: nginx:1.27\n',
  });
  assert.deepEqual(merged.errors, []);
  assert.equal(svc(merged.model, 'web').image?.repository, 'nginx');
});
