import { adminTaskAtBuild } from '../../src/rules/TF0501-admin-task-at-build.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

appRuleCases(adminTaskAtBuild, [
  [
    'migrate in RUN',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN python manage.py collectstatic --noinput && python manage.py migrate',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'collectstatic and migrate --check are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN python manage.py collectstatic --noinput && python manage.py migrate --check',
      ),
    },
    [],
  ],
  [
    "django-tenants' migrate_schemas in RUN",
    { dockerfile: df('FROM python:3.12', 'RUN python manage.py migrate_schemas --noinput') },
    ['Dockerfile:2'],
  ],
  [
    'createsuperuser, loaddata and flush',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN ./manage.py createsuperuser --noinput',
        'RUN django-admin loaddata x.json',
        'RUN ["python", "manage.py", "flush", "--noinput"]',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:3', 'Dockerfile:4'],
  ],
  [
    'heredoc RUN',
    { dockerfile: df('FROM python:3.12', 'RUN <<EOF', 'python manage.py migrate', 'EOF') },
    ['Dockerfile:3'],
  ],
  [
    'migrate in CMD is not a build-time task',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "migrate"]') },
    [],
  ],
]);

test('TF0501 says a build migrates the live database when the settings name a remote server', async () => {
  const files = (host: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile:
      'FROM python:3.12\nCOPY . /app\nRUN python manage.py migrate\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/settings.py': `DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql', 'HOST': '${host}'}}\n`,
  });
  const messageFor = async (host: string) =>
    (await analyzeFiles(files(host))).findings.find((f) => f.ruleId === 'TF0501')?.message ?? '';
  assert.match(
    await messageFor('app.abc.eu-west-1.rds.amazonaws.com'),
    /against the database server at app\.abc\.eu-west-1\.rds\.amazonaws\.com/,
  );
  assert.match(await messageFor('127.0.0.1'), /baked into the image/);
});

test('TF0501 names no database server when the image ENV points DATABASE_URL at an SQLite file', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile:
      'FROM python:3.12\nENV DATABASE_URL=sqlite:////tmp/demo.db\nCOPY . /app\nRUN python manage.py migrate\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/settings.py':
      "import environ\nenv = environ.Env()\nDATABASES = {'default': env.db(default='postgresql://db.example.com/app')}\n",
  });
  const message = findings.find((f) => f.ruleId === 'TF0501')?.message ?? '';
  assert.match(message, /baked into the image/);
  assert.doesNotMatch(message, /database server|live database|sqlite:/);
});
