import { runtimeDataNotInVolume } from '../../src/rules/TF0602-runtime-data-not-in-volume.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';
import { fixture, lines, settingsProjectOf, settingsRuleCases } from '../support/settings-rule-cases.js';

const STARTPROJECT = fixture('startproject_django5.py');
const TWELVE = fixture('twelve_factor.py');

settingsRuleCases(runtimeDataNotInVolume, [
  { name: 'startproject db.sqlite3 in /app, no volume', settings: STARTPROJECT, expect: [[79]] },
  {
    name: 'VOLUME /app covers it',
    settings: STARTPROJECT,
    deploy: { stage: { volumes: ['/app'] } },
    expect: [],
  },
  {
    name: 'VOLUME on another dir',
    settings: STARTPROJECT,
    deploy: { stage: { volumes: ['/app/data'] } },
    expect: [[79]],
  },
  {
    name: 'compose volume on the parent directory',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'volume', source: 'app', target: '/app/' }] } },
    expect: [],
  },
  {
    name: 'a bind mount of the project (.:/app) keeps it across containers of that compose file',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'bind', source: '.', target: '/app' }] } },
    expect: [],
  },
  {
    name: 'a bind mount of a data directory outside the project keeps it',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'bind', source: '/srv/data', target: '/app' }] } },
    expect: [],
  },
  {
    name: 'tmpfs is not persistent',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'tmpfs', target: '/app' }] } },
    expect: [[79]],
  },
  {
    name: 'where the source lands is unknown',
    settings: STARTPROJECT,
    deploy: { imageSourceDir: null },
    expect: [],
  },
  { name: 'no Dockerfile', settings: STARTPROJECT, deploy: { stage: false }, expect: [] },
  {
    name: 'settings in src/ with manage.py there, source copied to /srv',
    settings: STARTPROJECT,
    deploy: { settingsFile: 'src/mysite/settings.py', managePy: 'src/manage.py', imageSourceDir: '/srv' },
    expect: [[79]],
  },
  // The fixture keeps MEDIA_ROOT in /data/media: a volume on /data keeps these cases about the database.
  {
    name: 'twelve-factor switch defaults to postgres',
    settings: TWELVE,
    deploy: { stage: { volumes: ['/data'] } },
    expect: [],
  },
  { name: 'twelve-factor MEDIA_ROOT outside any volume', settings: TWELVE, expect: [[50]] },
  {
    name: 'twelve-factor with DB_ENGINE=sqlite and the default path',
    settings: TWELVE,
    deploy: { stage: { volumes: ['/data'] }, service: { environment: { DB_ENGINE: 'sqlite' } } },
    expect: [[24]],
  },
  {
    name: 'twelve-factor with DB_ENGINE=sqlite and a volume on the data directory',
    settings: TWELVE,
    deploy: {
      stage: { volumes: ['/data'] },
      service: { environment: { DB_ENGINE: 'sqlite' }, volumes: [{ source: 'data', target: '/app/data' }] },
    },
    expect: [],
  },
  {
    name: 'SQLITE_PATH set to a volume directory',
    settings: TWELVE,
    deploy: { stage: { env: { DB_ENGINE: 'sqlite', SQLITE_PATH: '/data/db.sqlite3' }, volumes: ['/data'] } },
    expect: [],
  },
  {
    name: 'SQLITE_PATH set, but /data is no volume',
    settings: TWELVE,
    deploy: { stage: { env: { DB_ENGINE: 'sqlite', SQLITE_PATH: '/data/db.sqlite3' } } },
    expect: [[24], [50]],
  },
  {
    name: 'an if-test in code picks between two paths, neither on a volume',
    settings: lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "NAME = Path('/tmp/db.sqlite3') if Path('/app').exists() else BASE_DIR / 'db.sqlite3'",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': NAME}}",
    ),
    expect: [[3]],
  },
  {
    name: 'an if-test in code picks between two paths, one on a volume: which one is taken is not known',
    settings: lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "NAME = Path('/data/db.sqlite3') if Path('/data').exists() else BASE_DIR / 'db.sqlite3'",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': NAME}}",
    ),
    deploy: { stage: { volumes: ['/data'] } },
    expect: [],
  },
  {
    name: 'DATABASE_URL points at a SQLite file outside any volume',
    settings: lines('import dj_database_url', "DATABASES = {'default': dj_database_url.config()}"),
    deploy: { service: { environment: { DATABASE_URL: 'sqlite:////srv/db.sqlite3' } } },
    expect: [[2]],
  },
  {
    name: 'DATABASE_URL points at PostgreSQL',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}",
    ),
    deploy: { service: { environment: { DATABASE_URL: 'postgres://u:p@db/app' } } },
    expect: [],
  },
  {
    name: 'relative NAME resolves against WORKDIR',
    settings: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n",
    deploy: { stage: { workdir: '/srv', volumes: ['/app'] } },
    expect: [[1]],
  },
  {
    name: 'absolute path under a VOLUME parent',
    settings:
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/var/lib/app/db.sqlite3'}}\n",
    deploy: { stage: { volumes: ['/var/lib'] } },
    expect: [],
  },
  {
    name: 'in-memory database',
    settings: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\n",
    expect: [],
  },
  {
    name: 'MEDIA_ROOT under BASE_DIR',
    settings: lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "MEDIA_ROOT = BASE_DIR / 'media'",
    ),
    expect: [[3]],
  },
  {
    name: 'MEDIA_ROOT from the unbound method, Path.joinpath(BASE_DIR, ...), PurePath too',
    settings: lines(
      'import pathlib',
      'from pathlib import Path, PurePath',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "MEDIA_ROOT = Path.joinpath(BASE_DIR, 'media')",
      "STATIC_ROOT = PurePath.joinpath(BASE_DIR, 'static')",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': pathlib.Path.joinpath(BASE_DIR, 'db.sqlite3')}}",
    ),
    expect: [[6], [4]],
  },
  {
    name: 'the SQLite fallback of NAME when neither the engine nor the name variable is provided',
    settings: lines(
      'import os',
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      'DATABASES = {"default": {',
      '    "ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"),',
      '    "NAME": os.environ.get("POSTGRES_DB", BASE_DIR / "db.sqlite3"),',
      '}}',
    ),
    expect: [[6]],
  },
  {
    name: 'MEDIA_ROOT on a volume',
    settings: lines('import os', "MEDIA_ROOT = os.environ.get('MEDIA_ROOT', '/data/media')"),
    deploy: { stage: { volumes: ['/data'] } },
    expect: [],
  },
  {
    name: 'the env var path cannot be known',
    settings: lines('import os', "MEDIA_ROOT = os.environ.get('MEDIA_ROOT', '/data/media')"),
    deploy: { service: { environment: { MEDIA_ROOT: undefined } } },
    expect: [],
  },
  {
    name: 'the SQLite fallback of an if CI / elif POSTGRES_HOST / else chain, no volume',
    settings: fixture('ci_postgres_sqlite_chain.py'),
    expect: [[19]],
  },
  {
    name: 'the chain with a volume over the fallback directory',
    settings: fixture('ci_postgres_sqlite_chain.py'),
    deploy: { stage: { volumes: ['/app'] } },
    expect: [],
  },
  {
    name: 'the chain with POSTGRES_HOST set: the CI branch is not taken where CI is unset',
    settings: fixture('ci_postgres_sqlite_chain.py'),
    deploy: { service: { environment: { POSTGRES_HOST: 'db' } } },
    expect: [],
  },
]);

test('TF0602 says which branch of a chain the SQLite fallback is', () => {
  const [finding] = runtimeDataNotInVolume.check(settingsProjectOf(fixture('ci_postgres_sqlite_chain.py')));
  assert.match(
    finding!.message,
    /^The SQLite database \(the fallback used when POSTGRES_HOST is unset\) resolves to \/app\/db.sqlite3/,
  );
});

test("TF0602 resolves a relative NAME in supervisord's directory= of the server program, not the WORKDIR", async () => {
  const settings = [
    'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}',
    '',
  ].join('\n');
  const conf = (section: string) =>
    `[supervisord]\nnodaemon=true\n\n[program:web]\n${section}\nautorestart=true\n`;
  const files = (section: string) => ({
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY . .',
      'COPY deploy/supervisord.conf /etc/supervisor/conf.d/app.conf',
      'CMD ["supervisord", "-n", "-c", "/etc/supervisor/conf.d/app.conf"]',
      '',
    ].join('\n'),
    'deploy/supervisord.conf': conf(section),
    'src/manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
    'src/mysite/__init__.py': '',
    'src/mysite/settings.py': settings,
  });
  const messagesOf = async (section: string) =>
    (await analyzeFiles(files(section))).findings.filter((f) => f.ruleId === 'TF0602').map((f) => f.message);
  // directory= before command= and after it: the same section.
  for (const section of [
    'directory=/app/src\ncommand=gunicorn mysite.wsgi -b 0.0.0.0:8000',
    'command=gunicorn mysite.wsgi -b 0.0.0.0:8000\ndirectory = /app/src',
  ]) {
    const [message] = await messagesOf(section);
    assert.match(message, /resolves to \/app\/src\/db\.sqlite3 in the image, and \/app\/src is neither/);
    assert.doesNotMatch(message, /\/app\/db\.sqlite3/);
  }
  // Without directory= the program runs where supervisord does: the WORKDIR.
  const [plain] = await messagesOf('command=gunicorn mysite.wsgi -b 0.0.0.0:8000');
  assert.match(plain, /resolves to \/app\/db\.sqlite3 in the image/);
});

test('TF0602 names the Dockerfile whose image no compose file runs, when the repository has several', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile:
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nVOLUME /app/media\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'Dockerfile.prod': 'FROM python:3.12\nWORKDIR /home/app/web\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/settings.py':
      "from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\nMEDIA_ROOT = BASE_DIR / 'media'\n",
  });
  const messages = findings.filter((f) => f.ruleId === 'TF0602').map((f) => f.message);
  assert.ok(
    messages.some(
      (m) => m.includes('/home/app/web/media') && m.includes('neither a VOLUME of Dockerfile.prod'),
    ),
    messages.join('\n'),
  );
});

const S3_WHEN_DEPLOYED = lines(
  'import os',
  'from pathlib import Path',
  'BASE_DIR = Path(__file__).resolve().parent.parent',
  "APP_ENV = os.environ['APP_ENV']",
  "MEDIA_ROOT = os.path.join(BASE_DIR, 'storage')",
  "if APP_ENV in ['dev', 'staging', 'prod']:",
  "    STORAGES = {'default': {'BACKEND': 'storages.backends.s3boto3.S3Boto3Storage'}}",
  'else:',
  "    STORAGES = {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}}",
);

settingsRuleCases(runtimeDataNotInVolume, [
  {
    name: 'S3 under a test the environment does not decide: fires (the message says when)',
    settings: S3_WHEN_DEPLOYED,
    expect: [[5]],
  },
  {
    name: 'MEDIA_ROOT unused: DEFAULT_FILE_STORAGE is S3 outside any branch',
    settings: lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "MEDIA_ROOT = BASE_DIR / 'media'",
      "DEFAULT_FILE_STORAGE = 'storages.backends.s3boto3.S3Boto3Storage'",
    ),
    expect: [],
  },
  {
    name: 'S3 under a test the image environment takes',
    settings: S3_WHEN_DEPLOYED,
    deploy: { stage: { env: { APP_ENV: 'prod' } } },
    expect: [],
  },
  {
    name: 'S3 under a test the compose environment does not take',
    settings: S3_WHEN_DEPLOYED,
    deploy: { service: { environment: { APP_ENV: 'local' } } },
    expect: [[5]],
  },
]);

test('TF0602 says MEDIA_ROOT loses uploads only when the branch to remote storage is not taken', () => {
  const [finding, ...rest] = runtimeDataNotInVolume.check(settingsProjectOf(S3_WHEN_DEPLOYED));
  assert.equal(rest.length, 0);
  assert.match(
    finding!.message,
    /uploaded files are lost when the container is replaced, unless APP_ENV is 'dev', 'staging' or 'prod' \(STORAGES then stores them with storages\.backends\.s3boto3\.S3Boto3Storage\)\./,
  );
  assert.doesNotMatch(finding!.message, /replaced\. Put/);
});

const SQLITE_DIR_OR_POSTGRES = lines(
  'import os',
  'from pathlib import Path',
  "DATABASES = {'default': {",
  "    'ENGINE': 'django.db.backends.sqlite3',",
  "    'NAME': Path(os.getenv('DJANGO_SQLITE_DIR', '.')) / 'db.sqlite3',",
  '}}',
  "if os.getenv('POSTGRES_DB'):",
  "    DATABASES['default'] = {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['POSTGRES_DB']}",
);

settingsRuleCases(runtimeDataNotInVolume, [
  {
    name: 'the image places the SQLite file (ENV DJANGO_SQLITE_DIR), compose selects PostgreSQL: the image alone',
    settings: SQLITE_DIR_OR_POSTGRES,
    deploy: {
      stage: { env: { DJANGO_SQLITE_DIR: '/sqlite' } },
      service: { environment: { POSTGRES_DB: 'app' } },
    },
    expect: [[5]],
  },
  {
    name: 'the same with VOLUME /sqlite',
    settings: SQLITE_DIR_OR_POSTGRES,
    deploy: {
      stage: { env: { DJANGO_SQLITE_DIR: '/sqlite' }, volumes: ['/sqlite'] },
      service: { environment: { POSTGRES_DB: 'app' } },
    },
    expect: [],
  },
  {
    name: 'compose selects PostgreSQL and the image does not place the SQLite file: a bare fallback',
    settings: SQLITE_DIR_OR_POSTGRES,
    deploy: { service: { environment: { POSTGRES_DB: 'app' } } },
    expect: [],
  },
  {
    name: 'the image itself selects PostgreSQL',
    settings: SQLITE_DIR_OR_POSTGRES,
    deploy: {
      stage: { env: { DJANGO_SQLITE_DIR: '/sqlite', POSTGRES_DB: 'app' } },
      service: { environment: { POSTGRES_DB: 'app' } },
    },
    expect: [],
  },
]);

test('TF0602 says the SQLite file placed by the image is the one of a container of the image alone', () => {
  const project = settingsProjectOf(SQLITE_DIR_OR_POSTGRES, {
    stage: { env: { DJANGO_SQLITE_DIR: '/sqlite' } },
    service: { environment: { POSTGRES_DB: 'app' } },
  });
  const [finding, ...rest] = runtimeDataNotInVolume.check(project);
  assert.equal(rest.length, 0);
  assert.match(
    finding!.message,
    /\(the fallback used when POSTGRES_DB is unset, as in a container of the image alone\) resolves to \/sqlite\/db\.sqlite3 in the image, and \/sqlite is not a VOLUME of the Dockerfile \(the compose service runs another database\)/,
  );
  assert.doesNotMatch(finding!.message, /nor a volume of the compose service/);
});

test('TF0602: a worker image is judged by the compose services that build it, and named by them', async () => {
  const settings =
    'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\n' +
    'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}\n';
  const worker = (volumes: string) =>
    `  worker:\n    build:\n      context: .\n      dockerfile: worker/Dockerfile\n${volumes}    command: python manage.py run_queue\n`;
  const run = async (volumes: string) =>
    (
      await analyzeFiles({
        'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
        'mysite/__init__.py': '',
        'mysite/settings.py': settings,
        'worker/Dockerfile': 'FROM python:3.12\nWORKDIR /code\nCOPY . .\n',
        'docker-compose.yml': `services:\n${worker(volumes)}`,
      })
    ).findings
      .filter((f) => f.ruleId === 'TF0602')
      .map((f) => f.message);
  assert.deepEqual(await run('    volumes:\n      - .:/code\n'), []);
  const [message, ...rest] = await run('');
  assert.equal(rest.length, 0);
  assert.doesNotMatch(message!, /no compose file runs/);
  assert.match(message!, /nor a volume of the compose service 'worker'/);
});

test('TF0602: an absent env_file of a production compose file leaves the code its SQLite fallback, and the message says so', async () => {
  const settings = [
    'import os',
    'BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
    'DATABASES = {"default": {',
    '    "ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"),',
    '    "NAME": os.environ.get("SQL_DATABASE", os.path.join(BASE_DIR, "db.sqlite3")),',
    '}}',
    '',
  ].join('\n');
  const files = (composeFile: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
    Dockerfile: 'FROM python:3.12\nWORKDIR /home/app/web\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    [composeFile]: 'services:\n  web:\n    build: .\n    env_file:\n      - ./.env.prod.web\n',
  });
  const prod = (await analyzeFiles(files('docker-compose.prod.yml'))).findings.filter(
    (f) => f.ruleId === 'TF0602',
  );
  assert.deepEqual(
    prod.map((f) => f.line),
    [5],
  );
  assert.match(
    prod[0]!.message,
    /^The SQLite database \(the fallback used when SQL_ENGINE is unset, which it is unless \.env\.prod\.web, an env_file of the compose service that the repository does not hold, sets it\) resolves to \/home\/app\/web\/db\.sqlite3/,
  );
  // The absent `.env` of a development stack is the developer's own: nothing is said of it.
  const dev = (await analyzeFiles(files('docker-compose.dev.yml'))).findings.filter(
    (f) => f.ruleId === 'TF0602',
  );
  assert.deepEqual(dev, []);
});

test('a variant Dockerfile nothing builds is not what MEDIA_ROOT is judged with when compose runs the app image', async () => {
  const files = (variant: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nWORKDIR /code\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    [variant]: 'FROM python:3.12\nWORKDIR /code\nRUN pip install django\nCOPY . /code/\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/code\n',
    'mysite/settings.py':
      "from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\nMEDIA_ROOT = BASE_DIR / 'media'\n",
  });
  const messages = async (variant: string) =>
    (await analyzeFiles(files(variant))).findings.filter((f) => f.ruleId === 'TF0602').map((f) => f.message);
  // The compose service bind-mounts . over /code: the deployed image keeps its uploads on the host.
  assert.deepEqual(await messages('Dockerfile.no_venv'), []);
  // A variant named for production is a deploy of its own (a platform runs it): judged, and named.
  const [prod] = await messages('Dockerfile.prod');
  assert.match(prod ?? '', /neither a VOLUME of Dockerfile\.prod/);
});

test('TF0602 names every variable of an `A and B and C` test that moves uploads to S3', async () => {
  const settings = [
    'import os',
    'from pathlib import Path',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    'AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")',
    'AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")',
    'AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")',
    'MEDIA_ROOT = BASE_DIR / "media"',
    'STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}',
    'if AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and AWS_STORAGE_BUCKET_NAME:',
    '    STORAGES["default"]["BACKEND"] = "storages.backends.s3boto3.S3Boto3Storage"',
    '',
  ].join('\n');
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
  };
  const [finding, ...rest] = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0602');
  assert.equal(rest.length, 0);
  assert.match(
    finding!.message,
    /unless AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_STORAGE_BUCKET_NAME are all set \(STORAGES then stores them/,
  );
  assert.doesNotMatch(finding!.message, /unless AWS_ACCESS_KEY_ID is set/);
});

test('TF0602: compose setting the variable of a later test of the chain (elif DB_HOST) never reaches the SQLite fallback', async () => {
  const settings = [
    'import os',
    'from pathlib import Path',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    'if os.getenv("DATABASE_URL"):',
    '    import dj_database_url',
    '    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}',
    'elif os.getenv("DB_HOST"):',
    '    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["DB_HOST"]}}',
    'else:',
    '    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}',
    '',
  ].join('\n');
  const files = (environment: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.prod.yml': `services:\n  web:\n    build: .\n    env_file: ./.env.prod\n${environment}`,
  });
  const sets = (await analyzeFiles(files('    environment:\n      DB_HOST: db\n'))).findings;
  assert.deepEqual(
    sets.filter((f) => f.ruleId === 'TF0602'),
    [],
  );
  const [finding] = (await analyzeFiles(files(''))).findings.filter((f) => f.ruleId === 'TF0602');
  assert.match(finding!.message, /unless \.env\.prod, an env_file of the compose service/);
});

test('TF0602 does not claim a SQLite file is baked in the image', async () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': [
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}',
      '',
    ].join('\n'),
    '.dockerignore': '**/*.sqlite3\n',
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
  };
  const [finding] = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0602');
  assert.match(
    finding!.message,
    /a new container starts with only what the image holds there, and what the last/,
  );
  assert.doesNotMatch(finding!.message, /baked/);
});
