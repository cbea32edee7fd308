import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configVarMismatch } from '../../src/rules/TF0310-config-var-mismatch.js';
import { similarNames } from '../../src/rules/lib/variable-names.js';
import { lines, settingsRuleCases } from '../support/settings-rule-cases.js';

const DB_PASS = lines(
  'import os',
  "DATABASES = {'default': {",
  "    'ENGINE': 'django.db.backends.postgresql',",
  "    'NAME': os.environ.get('DB_NAME', 'app'),",
  "    'PASSWORD': os.environ['DB_PASS'],",
  '}}',
);

settingsRuleCases(configVarMismatch, [
  {
    name: 'DB_PASS read, DB_PASSWORD in compose',
    settings: DB_PASS,
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [[5]],
  },
  {
    name: 'the same name on both sides',
    settings: DB_PASS,
    deploy: { service: { environment: { DB_PASS: 'x' } } },
    expect: [],
  },
  {
    name: "another server's password beside a PostgreSQL entry (MYSQL_PASSWORD, MARIADB_PASSWORD)",
    settings: DB_PASS,
    deploy: { service: { environment: { MYSQL_PASSWORD: 'x', MARIADB_PASSWORD: 'y' } } },
    expect: [],
  },
  {
    name: "the PostgreSQL server's own POSTGRES_PASSWORD beside a PostgreSQL entry",
    settings: DB_PASS,
    deploy: { service: { environment: { POSTGRES_PASSWORD: 'x' } } },
    expect: [[5]],
  },
  {
    name: 'MYSQL_PASSWORD when the environment switches the entry to MySQL',
    settings: DB_PASS.replace(
      "'django.db.backends.postgresql'",
      "os.environ.get('DB_ENGINE', 'django.db.backends.postgresql')",
    ),
    deploy: { service: { environment: { DB_ENGINE: 'django.db.backends.mysql', MYSQL_PASSWORD: 'x' } } },
    expect: [[5]],
  },
  {
    name: 'get() without default for a server password, DB_PASSWORD in the Dockerfile',
    settings: DB_PASS.replace("os.environ['DB_PASS']", "os.environ.get('DB_PASS')"),
    deploy: { stage: { env: { DB_PASSWORD: undefined } } },
    expect: [[5]],
  },
  {
    name: 'DJANGO_SECRET_KEY provided, SECRET_KEY required',
    settings: lines('import os', "SECRET_KEY = os.environ['SECRET_KEY']"),
    deploy: { service: { environment: { DJANGO_SECRET_KEY: '${DJANGO_SECRET_KEY}' } } },
    expect: [[2]],
  },
  {
    name: 'a typo in the settings',
    settings: lines('import os', "SECRET_KEY = os.environ['DJANGO_SECERT_KEY']"),
    deploy: { service: { environment: { DJANGO_SECRET_KEY: undefined } } },
    expect: [[2]],
  },
  {
    name: 'POSTGRES_PASSWORD from an env_file, DB_PASSWORD required',
    settings: lines('import os', "PASSWORD = os.environ['DB_PASSWORD']"),
    deploy: { service: { envFiles: ['.env.db'], envFileEntries: { '.env.db': { POSTGRES_PASSWORD: 'x' } } } },
    expect: [[2]],
  },
  {
    name: 'DB_HOST required, only DB_PORT provided: two settings, not a typo',
    settings: lines('import os', "HOST = os.environ['DB_HOST']"),
    deploy: { service: { environment: { DB_PORT: '5432' } } },
    expect: [],
  },
  {
    name: 'optional read',
    settings: lines('import os', "SENTRY = os.environ.get('SENTRY_DSN')"),
    deploy: { service: { environment: { SENTRY_DSN_URL: 'x' } } },
    expect: [],
  },
  {
    name: 'the similar name is read by the settings too',
    settings: lines('import os', "A = os.environ['DB_PASS']", "B = os.environ.get('DB_PASSWORD', '')"),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
  {
    name: 'an env_file that is not in the repository',
    settings: DB_PASS,
    deploy: { service: { envFiles: ['.env'], environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
  {
    name: 'load_dotenv with a .env file in the image',
    settings: lines('from dotenv import load_dotenv', 'load_dotenv()', DB_PASS),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } }, sentFiles: ['manage.py', '.env'] },
    expect: [],
  },
  {
    name: 'load_dotenv but no .env reaches the image',
    settings: lines('from dotenv import load_dotenv', 'load_dotenv()', DB_PASS),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } }, sentFiles: ['manage.py'] },
    expect: [[7]],
  },
  { name: 'no Dockerfile, no compose', settings: DB_PASS, deploy: { stage: false }, expect: [] },
  {
    name: 'read only when the variable is set',
    settings: lines('import os', "if os.environ.get('DB_PASS'):", "    PASSWORD = os.environ['DB_PASS']"),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
]);

test('TF0310 name similarity: synonyms and typos yes, distinct settings no', () => {
  const yes = [
    ['DB_PASS', 'DB_PASSWORD'],
    ['DB_PWD', 'DB_PASSWORD'],
    ['DATABASE_USER', 'DB_USER'],
    ['POSTGRES_PASSWORD', 'DB_PASSWORD'],
    ['PG_HOST', 'DB_HOST'],
    ['SECRET_KEY', 'DJANGO_SECRET_KEY'],
    ['DJANGO_SECERT_KEY', 'DJANGO_SECRET_KEY'],
    ['DATABASE_URI', 'DATABASE_URL'],
    ['DBHOST', 'DB_HOST'],
  ];
  const no = [
    ['DB_HOST', 'DB_PORT'],
    ['DB_NAME', 'DB_USER'],
    ['DB_PASSWORD', 'DB_PASSWORD_FILE'],
    ['REDIS_URL', 'REDIS_HOST'],
    ['DEBUG', 'DEBUG'],
    ['PORT', 'HOST'],
    ['EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD'],
    ['POSTGRES_DB', 'DB_NAME'],
  ];
  for (const [a, b] of yes) assert.equal(similarNames(a, b), true, `${a} ~ ${b}`);
  for (const [a, b] of no) assert.equal(similarNames(a, b), false, `${a} !~ ${b}`);
});

test('TF0310 names DB_HOST for HOST read into the database HOST without a default', async () => {
  const { settingsProjectOf } = await import('../support/settings-rule-cases.js');
  const settings = lines(
    'import os',
    "HOST = os.getenv('HOST')",
    "DATABASES = {'default': {",
    "    'ENGINE': 'django.db.backends.mysql',",
    "    'HOST': HOST,",
    '}}',
  );
  const findings = configVarMismatch.check(
    settingsProjectOf(settings, { service: { environment: { DB_HOST: 'db' } } }),
  );
  assert.deepEqual(
    findings.map((f) => [f.file, f.line]),
    [['mysite/settings.py', 2]],
  );
  assert.match(findings[0]!.message, /require HOST for the database's HOST.*it provides DB_HOST instead/);
  // HOST alone and DB_HOST are not alike by name: only the database key they share pairs them.
  assert.equal(similarNames('HOST', 'DB_HOST'), false);
});
