import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postgresDataNotInVolume } from '../../src/rules/TF0603-postgres-data-not-in-volume.js';
import { analyzeFiles } from '../support/analyze.js';
import { composeProjectOf, composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(postgresDataNotInVolume, [
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
    name: 'a bind mount of a host directory is not a named volume',
    compose: y(
      'services:',
      '  db:',
      '    image: mysql:8',
      '    volumes:',
      '      - ./data/mysql:/var/lib/mysql',
      '  pg:',
      '    image: postgres:16',
      '    volumes:',
      '      - type: bind',
      '        source: ./pgdata',
      '        target: /var/lib/postgresql/data',
    ),
    expect: ['compose.yaml:3', 'compose.yaml:7'],
    messages: [/bind mount of the host directory .*data\/mysql, not in a named volume/, /pgdata/],
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
    messages: [
      /an anonymous volume at \/var\/lib\/mysql: it has no name/,
      /has no named volume at its data directory/,
    ],
  },
  {
    name: 'a bind mount outside the project is not said to be in the checkout',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - ~/.pg:/var/lib/postgresql/data',
    ),
    expect: ['compose.yaml:3'],
    messages: [/host path outside the project/],
  },
  {
    name: 'a host directory and an image from unset variables are shown as written',
    compose: y(
      'services:',
      '  db:',
      '    image: ${REGISTRY}/postgres:16',
      '    volumes:',
      '      - ${PGDATA_HOST:?set it}/pg:/var/lib/postgresql/data',
      '      - type: bind',
      '        source: ${BACKUP_DIR}',
      '        target: /backups',
    ),
    expect: ['compose.yaml:3'],
    messages: [/\(\$\{REGISTRY\}\/postgres:16\).*host directory \$\{PGDATA_HOST:\?set it\}\/pg, not/],
  },
  {
    name: 'a source from an unset variable is a host path where no top-level volume is declared',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - ${PG_VOLUME}:/var/lib/postgresql/data',
    ),
    expect: ['compose.yaml:3'],
    messages: [
      /mounts '\$\{PG_VOLUME\}' at its data directory .*can only be a host path: compose\.yaml declares/,
    ],
  },
  {
    name: 'a source from an unset variable may name the declared volume',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - ${PG_VOLUME}:/var/lib/postgresql/data',
      'volumes:',
      '  pgdata:',
    ),
    expect: [],
  },
  {
    name: 'a named volume at the parent of the image VOLUME is shadowed',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - pg:/var/lib/postgresql',
      'volumes:',
      '  pg:',
    ),
    expect: ['compose.yaml:3'],
    messages: [/a parent of its data directory/],
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
  {
    name: 'a postgres image used as a client (command pg_dump, entrypoint a loop) runs no server: silent',
    compose: y(
      'services:',
      '  dump:',
      '    image: postgres:16',
      '    command: pg_dump -h db -U app -f /backups/app.sql app',
      '  loop:',
      '    image: mysql:8',
      '    entrypoint: ["sh", "-c", "while true; do mysqldump -h db app > /backups/app.sql; sleep 3600; done"]',
    ),
    expect: [],
  },
  {
    name: 'a replaced command or entrypoint that still starts the server (flags, postgres, a wrapper not here) is judged',
    compose: y(
      'services:',
      '  flags:',
      '    image: mysql:8',
      '    command: --character-set-server=utf8mb4',
      '  server:',
      '    image: postgres:16',
      '    command: postgres -c max_connections=200',
      '  wrapped:',
      '    image: postgres:16',
      '    entrypoint: ["/usr/local/bin/wait-and-start.sh"]',
      '  handed:',
      '    image: postgres:16',
      '    entrypoint: ["sh", "-c", "docker-entrypoint.sh postgres"]',
    ),
    expect: ['compose.yaml:3', 'compose.yaml:6', 'compose.yaml:9', 'compose.yaml:12'],
  },
]);

// A database service given by `build:` (its Dockerfile `FROM postgres:…`) has no `image:` line: its build line.
const BUILT_DB = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  'postgres/Dockerfile': 'FROM postgres:9.4\nCOPY ./init-db.sh /docker-entrypoint-initdb.d/\n',
  'postgres/init-db.sh': 'psql -c "select 1"\n',
  'mysql/Dockerfile': 'FROM mariadb:11\n',
};

test('TF0603 fires at the build line of a database built FROM postgres or mariadb with no named volume', async () => {
  const { findings } = await analyzeFiles({
    ...BUILT_DB,
    'compose.yaml':
      'services:\n  db:\n    build: postgres\n  maria:\n    build:\n      context: mysql\n  web:\n    build: .\n',
  });
  const found = findings.filter((f) => f.ruleId === 'TF0603');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [
      ['compose.yaml', 3],
      ['compose.yaml', 5],
    ],
  );
  assert.match(
    found[0]!.message,
    /Service 'db' \(built FROM postgres:9\.4\) has no named volume at its data directory \/var\/lib\/postgresql\/data/,
  );
  assert.match(found[1]!.message, /\/var\/lib\/mysql/);
});

test('TF0603 silent: a database built FROM postgres with a named volume at the PGDATA its Dockerfile sets', async () => {
  const { findings } = await analyzeFiles({
    ...BUILT_DB,
    'postgres/Dockerfile': 'FROM postgres:16\nENV PGDATA=/pgdata\n',
    'compose.yaml':
      'services:\n  db:\n    build: postgres\n    volumes:\n      - pg:/pgdata\n  web:\n    build: .\nvolumes:\n  pg:\n',
  });
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'TF0603'),
    [],
  );
});

const messagesFor = (...lines: string[]): string[] =>
  postgresDataNotInVolume
    .check(composeProjectOf({ name: '', compose: y(...lines), expect: [] }))
    .map((f) => f.message);

test('TF0603 describes the 18+ layout for a postgres image that names no major version (none, latest, alpine)', () => {
  for (const image of ['postgres', 'postgres:latest', 'postgres:alpine', 'postgis/postgis']) {
    const [message] = messagesFor('services:', '  db:', `    image: ${image}`);
    assert.match(message, /has no named volume at its data directory \/var\/lib\/postgresql\/18\/docker/);
    assert.match(message, /'db-data:\/var\/lib\/postgresql'/);
    assert.match(message, /18 or later today.*VOLUME \/var\/lib\/postgresql.*pinning a major version/);
    assert.doesNotMatch(
      message,
      /data directory \/var\/lib\/postgresql\/data|db-data:\/var\/lib\/postgresql\/data/,
    );
  }
  // A pinned major keeps its own layout, without the note.
  const [pinned] = messagesFor('services:', '  db:', '    image: postgres:16');
  assert.match(
    pinned,
    /data directory \/var\/lib\/postgresql\/data: .*'db-data:\/var\/lib\/postgresql\/data'/,
  );
  assert.doesNotMatch(pinned, /18 or later/);
});

test('TF0603 fires on the pre-18 mount (/var/lib/postgresql/data) of an untagged or 18+ image, naming where the data goes', () => {
  for (const image of ['postgres:latest', 'postgres', 'postgres:18']) {
    const messages = messagesFor(
      'services:',
      '  db:',
      `    image: ${image}`,
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      'volumes:',
      '  pgdata:',
    );
    assert.equal(messages.length, 1, image);
    assert.match(
      messages[0],
      /keeps its data in \/var\/lib\/postgresql\/18\/docker, under its VOLUME \/var\/lib\/postgresql/,
    );
    assert.match(messages[0], /so the database does not start at all/);
    assert.match(messages[0], /as the 18 image documents: 'pgdata:\/var\/lib\/postgresql' /);
    assert.doesNotMatch(messages[0], /start an empty database|stays unused/);
  }
  // The 18+ mount is kept; so is the same mount on a pinned 17.
  for (const [image, target] of [
    ['postgres', '/var/lib/postgresql'],
    ['postgres:alpine', '/var/lib/postgresql'],
    ['postgres:17', '/var/lib/postgresql/data'],
  ])
    assert.deepEqual(
      messagesFor(
        'services:',
        '  db:',
        `    image: ${image}`,
        '    volumes:',
        `      - pgdata:${target}`,
        'volumes:',
        '  pgdata:',
      ),
      [],
    );
});

test('TF0603 on 18+: whatever is mounted at /var/lib/postgresql/data keeps the database from starting, and is named', () => {
  const withMount = (image: string, ...mount: string[]): string[] =>
    messagesFor('services:', '  db:', `    image: ${image}`, ...mount);
  const [bind] = withMount('postgres', '    volumes:', '      - ./pg_data:/var/lib/postgresql/data/');
  assert.match(bind, /mounts the host directory \.\/pg_data at \/var\/lib\/postgresql\/data\/, but/);
  assert.match(bind, /unused mount\/volume.*does not start at all/);
  assert.match(bind, /'db-data:\/var\/lib\/postgresql', declared under the top-level volumes:/);
  assert.doesNotMatch(bind, /start an empty database/);
  const [tmpfs] = withMount('postgres:18', '    tmpfs:', '      - /var/lib/postgresql/data');
  assert.match(
    tmpfs,
    /mounts a tmpfs at .*does not start at all\. Put the tmpfs at \/var\/lib\/postgresql instead/,
  );
  const [anonymous] = withMount('postgres:18', '    volumes:', '      - /var/lib/postgresql/data');
  assert.match(anonymous, /mounts an anonymous volume at .*does not start at all/);
  // Up to 17 the same bind mount is the data directory: the files sit in the checkout, nothing refuses to start.
  const [pinned] = withMount('postgres:17', '    volumes:', '      - ./pg_data:/var/lib/postgresql/data/');
  assert.match(
    pinned,
    /keeps its data directory \/var\/lib\/postgresql\/data in a bind mount of the host directory \.\/pg_data/,
  );
  assert.doesNotMatch(pinned, /does not start/);
  // With the major unknown, both consequences are told; a tmpfs there is a throwaway database either way.
  const [unknown] = withMount(
    'postgres:${PG_TAG}',
    '    volumes:',
    '      - ./pg_data:/var/lib/postgresql/data',
  );
  assert.match(
    unknown,
    /takes its version from a variable.*Up to 17 that is its data directory.*from 18 .*does not start at all/,
  );
  assert.deepEqual(withMount('postgres:${PG_TAG}', '    tmpfs:', '      - /var/lib/postgresql/data'), []);
});

test('TF0603 on 18+: a volume at a parent of VOLUME /var/lib/postgresql is shadowed, and the fix mounts /var/lib/postgresql', () => {
  const [message] = messagesFor(
    'services:',
    '  db:',
    '    image: postgres:18',
    '    volumes:',
    '      - lib:/var/lib',
    'volumes:',
    '  lib:',
  );
  assert.match(
    message,
    /a parent of its data directory \/var\/lib\/postgresql\/18\/docker, inside \/var\/lib\/postgresql/,
  );
  assert.match(message, /'db-data:\/var\/lib\/postgresql'/);
  const [none] = messagesFor('services:', '  db:', '    image: postgres:18');
  assert.match(none, /'db-data:\/var\/lib\/postgresql'/);
  assert.doesNotMatch(none, /db-data:\/var\/lib\/postgresql\/18/);
});

test("TF0603 on another publisher's PostgreSQL image does not state the official layout as its data directory", () => {
  const [message] = messagesFor('services:', '  db:', '    image: acme/blog-postgres:1.4');
  assert.doesNotMatch(message, /has no named volume at its data directory \/var\/lib\/postgresql\/data/);
  assert.match(
    message,
    /not from the official postgres repository, mounts no named volume where its data may be/,
  );
  assert.match(message, /\/var\/lib\/postgresql\/data if it keeps the official image's layout up to 17/);
});

test('TF0603 with a relative PGDATA from an env_file names where postgres puts the data (/pgdata), not the default directory', async () => {
  const { findings } = await analyzeFiles({
    'compose.yaml': y(
      'services:',
      '  db:',
      '    image: postgres:11.1',
      '    volumes:',
      '      - postgres:/var/lib/postgresql/data/pgdata',
      '    env_file:',
      '      - ./config/db.env',
      'volumes:',
      '  postgres:',
    ),
    'config/db.env': 'POSTGRES_USER=postgres\nPGDATA=pgdata\n',
  });
  const [message, ...rest] = findings.filter((f) => f.ruleId === 'TF0603').map((f) => f.message);
  assert.equal(rest.length, 0);
  assert.match(
    message!,
    /takes PGDATA=pgdata from config\/db\.env, a relative path that postgres resolves against the container's working directory \/: the data goes to \/pgdata, not to the volume 'postgres' mounted at \/var\/lib\/postgresql\/data\/pgdata/,
  );
  assert.match(message!, /PGDATA=\/var\/lib\/postgresql\/data\/pgdata\), or mount the volume at \/pgdata/);
  assert.doesNotMatch(
    message!,
    /keeps its data in \/var\/lib\/postgresql\/data|'postgres:\/var\/lib\/postgresql\/data'/,
  );
});

test('TF0603 takes an absolute PGDATA from an env_file or environment: a volume there is enough; a relative one under it is not', () => {
  assert.deepEqual(
    messagesFor(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      PGDATA: /var/lib/postgresql/data/pgdata',
      '    volumes:',
      '      - pg:/var/lib/postgresql/data/pgdata',
      'volumes:',
      '  pg:',
    ),
    [],
  );
  const [relative] = messagesFor(
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      PGDATA: data/pg',
  );
  assert.match(
    relative!,
    /PGDATA=data\/pg in its environment:, .*the data goes to \/data\/pg, which no named volume covers/,
  );
  assert.match(relative!, /'db-data:\/data\/pg'/);
});

test('TF0603 on kartoza/postgis bind-mounted at its cluster directory: names /var/lib/postgresql/<major>/main and says no data is lost', () => {
  const [message, ...rest] = messagesFor(
    'services:',
    '  database:',
    '    image: kartoza/postgis:13.0',
    '    volumes:',
    '      - ./setup/docker/postgres:/var/lib/postgresql/13/main',
  );
  assert.equal(rest.length, 0);
  assert.match(
    message!,
    /keeps its data directory \/var\/lib\/postgresql\/13\/main in a bind mount of the host directory \.\/setup\/docker\/postgres, not in a named volume: the files sit in the checkout/,
  );
  assert.match(message!, /a re-clone, a clean or another host starts with an empty database/);
  assert.match(message!, /'database-data:\/var\/lib\/postgresql'/);
  assert.doesNotMatch(message!, /lost|data directory \/var\/lib\/postgresql[: ]/);
});

test('TF0603 on kartoza/postgis: a named volume at the cluster directory is enough; with no major in the tag no exact directory is stated', () => {
  assert.deepEqual(
    messagesFor(
      'services:',
      '  db:',
      '    image: kartoza/postgis:15-3.3',
      '    volumes:',
      '      - pg:/var/lib/postgresql/15/main',
      '  old:',
      '    image: kartoza/postgis:9.6-2.4',
      '    volumes:',
      '      - old:/var/lib/postgresql/9.6/main',
      '  any:',
      '    image: kartoza/postgis',
      '    volumes:',
      '      - any:/var/lib/postgresql/16/main',
    ),
    [],
  );
  const [bind, elsewhere, none] = messagesFor(
    'services:',
    '  a:',
    '    image: kartoza/postgis:latest',
    '    volumes:',
    '      - ./pg:/var/lib/postgresql/16/main',
    '  b:',
    '    image: kartoza/postgis',
    '    volumes:',
    '      - pg:/var/lib/postgresql/data',
    '  c:',
    '    image: kartoza/postgis:13.0',
  );
  assert.match(
    bind!,
    /mounts the host directory \.\/pg at \/var\/lib\/postgresql\/16\/main, a bind mount rather than a named volume/,
  );
  assert.doesNotMatch(bind!, /lost|data directory/);
  assert.match(elsewhere!, /keeps its data in \/var\/lib\/postgresql\/<major>\/main/);
  assert.match(none!, /no named volume at its data directory \/var\/lib\/postgresql\/13\/main/);
});

test("TF0603 on another publisher's image with a bind mount does not state a data directory it does not know", () => {
  const [message] = messagesFor(
    'services:',
    '  db:',
    '    image: acme/blog-postgres:1.4',
    '    volumes:',
    '      - ./pg:/var/lib/postgresql/data',
  );
  assert.match(
    message!,
    /mounts the host directory \.\/pg at \/var\/lib\/postgresql\/data, a bind mount rather than/,
  );
  assert.doesNotMatch(message!, /lost|keeps its data directory/);
});

test('TF0603 on sameersbn/postgresql: the data lives in /var/lib/postgresql/<major>/main, so the volume goes at /var/lib/postgresql', () => {
  const [bind, none, elsewhere, ...rest] = messagesFor(
    'services:',
    '  postgresql:',
    '    image: sameersbn/postgresql:latest',
    '    volumes:',
    '      - ./data/postgresql:/var/lib/postgresql',
    '  db:',
    '    image: sameersbn/postgresql:10-2',
    '  old:',
    '    image: sameersbn/postgresql:9.6-2',
    '    volumes:',
    '      - pg:/var/lib/postgresql/data',
    '  kept:',
    '    image: sameersbn/postgresql:12-20200524',
    '    volumes:',
    '      - kept:/var/lib/postgresql',
    '  moved:',
    '    image: sameersbn/postgresql:12-20200524',
    '    environment:',
    '      - PG_DATADIR=/srv/pg',
    '    volumes:',
    '      - moved:/srv/pg',
  );
  assert.equal(rest.length, 0);
  assert.match(
    bind!,
    /mounts the host directory \.\/data\/postgresql at \/var\/lib\/postgresql, a bind mount/,
  );
  assert.match(bind!, /'postgresql-data:\/var\/lib\/postgresql'/);
  assert.match(none!, /data directory \/var\/lib\/postgresql\/10\/main.*'db-data:\/var\/lib\/postgresql'/);
  assert.match(
    elsewhere!,
    /keeps its data in \/var\/lib\/postgresql\/9\.6\/main.*'pg:\/var\/lib\/postgresql'/,
  );
  for (const m of [bind, none, elsewhere]) assert.doesNotMatch(m!, /-data:\/var\/lib\/postgresql\/data'/);
});

test('TF0603 does not call a distribution-variant tag the newest major: frozen ones keep the pre-18 layout, others name no major', () => {
  const withVolume = (image: string, target: string): string[] =>
    messagesFor(
      'services:',
      '  db:',
      `    image: ${image}`,
      '    volumes:',
      `      - pgdata:${target}`,
      'volumes:',
      '  pgdata:',
    );
  // alpine3.18 and bullseye images stopped before 18: the data is in /var/lib/postgresql/data.
  for (const image of ['postgres:alpine3.18', 'postgres:alpine3.20', 'postgres:bullseye'])
    assert.deepEqual(withVolume(image, '/var/lib/postgresql/data'), [], image);
  const [frozen] = messagesFor('services:', '  db:', '    image: postgres:alpine3.18');
  assert.match(
    frozen,
    /data directory \/var\/lib\/postgresql\/data: .*'db-data:\/var\/lib\/postgresql\/data'/,
  );
  assert.doesNotMatch(frozen, /18 or later|newest major|\/var\/lib\/postgresql\/18/);
  // Another variant tag: its major is not known, so either layout's volume is accepted and no major is claimed.
  assert.deepEqual(withVolume('postgres:alpine3.21', '/var/lib/postgresql/data'), []);
  assert.deepEqual(withVolume('postgres:alpine3.21', '/var/lib/postgresql'), []);
  const [unknown] = messagesFor('services:', '  db:', '    image: postgres:alpine3.21');
  assert.match(unknown, /has the tag 'alpine3.21', a distribution variant that names no major version/);
  assert.match(
    unknown,
    /up to 17 .*\/var\/lib\/postgresql\/data, from 18 in \/var\/lib\/postgresql\/<major>\/docker/,
  );
  assert.doesNotMatch(unknown, /18 or later today|newest major|data directory \/var\/lib\/postgresql\/18/);
  // The current distribution names float to the newest major, like alpine.
  const [trixie] = messagesFor('services:', '  db:', '    image: postgres:trixie');
  assert.match(trixie, /18 or later today/);
});

test('TF0603: a named volume below the data directory with PGDATA in an env_file the repository does not hold is not judged', async () => {
  const compose = (envFile: string) =>
    `services:\n  db:\n    image: postgres:16\n    ${envFile}\n    volumes:\n      - pg:/var/lib/postgresql/data/pgdata\nvolumes:\n  pg:\n`;
  const unread = await analyzeFiles({ 'docker-compose.yml': compose('env_file: .env') });
  assert.deepEqual(
    unread.findings.filter((f) => f.ruleId === 'TF0603').map((f) => f.line),
    [],
  );
  // Without PGDATA anywhere, the data stays in /var/lib/postgresql/data, outside the volume.
  const none = await analyzeFiles({ 'docker-compose.yml': compose('environment:\n      POSTGRES_DB: app') });
  assert.equal(none.findings.filter((f) => f.ruleId === 'TF0603').length, 1);
});
