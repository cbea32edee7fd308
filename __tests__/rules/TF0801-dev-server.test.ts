import { devServer } from '../../src/rules/TF0801-dev-server.js';
import type { ComposeEnvEntry } from '../../src/model/types/compose.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

/** An entrypoint script that serves the development server on `--dev`, gunicorn otherwise. */
const DEV_FLAG = {
  ...ENTRY,
  text: [
    '#!/bin/sh',
    'if [ "$1" = "--dev" ]; then',
    '    python manage.py runserver 0.0.0.0:8000',
    'else',
    '    exec gunicorn app.wsgi -b 0.0.0.0:8000',
    'fi',
  ].join('\n'),
};
/** A start script that runs the development server unless DJANGO_ENV says production. */
const ENV_BRANCH = {
  ...ENTRY,
  text: [
    'if [ "$DJANGO_ENV" = "production" ]; then',
    '    exec gunicorn app.wsgi -b 0.0.0.0:8000',
    'else',
    '    exec python manage.py runserver 0.0.0.0:8000',
    'fi',
  ].join('\n'),
};
const ENTRY_ONLY = df('FROM python:3.12', 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]');
const env = (
  name: string,
  value: string | undefined,
  more: Partial<ComposeEnvEntry> = {},
): ComposeEnvEntry => ({
  file: 'compose.yaml',
  line: 6,
  name,
  value,
  raw: value,
  interpolated: false,
  source: 'environment',
  ...more,
});

appRuleCases(devServer, [
  [
    'runserver in CMD',
    { dockerfile: df('FROM python:3.12', 'CMD ["python3", "-u", "manage.py", "runserver", "0.0.0.0:8000"]') },
    ['Dockerfile:2'],
  ],
  [
    'runserver only in a RUN is not the server',
    { dockerfile: df('FROM python:3.12', 'RUN python manage.py check', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  [
    'runserver in compose command',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: { command: 'python manage.py runserver 0.0.0.0:8000' },
    },
    ['compose.yaml:5'],
  ],
  [
    'runserver through sh -c and django-admin',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "python manage.py migrate && django-admin runserver 0:8000"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'runserver in the entrypoint script',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["sh", "/usr/local/bin/docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: 'set -e\n\nexec python manage.py runserver 0.0.0.0:8000\n' }],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'the CMD handed to an entrypoint script that is not in the repository',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENTRYPOINT ["/docker-entrypoint.sh"]',
        'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
      ),
    },
    ['Dockerfile:3'],
  ],
  [
    'an entrypoint without CMD: $1 is empty, the --dev branch never runs',
    { dockerfile: ENTRY_ONLY, scripts: [DEV_FLAG] },
    [],
  ],
  [
    'CMD ["--dev"] takes the --dev branch',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
        'CMD ["--dev"]',
      ),
      scripts: [DEV_FLAG],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'compose command: --dev takes the --dev branch',
    { dockerfile: ENTRY_ONLY, scripts: [DEV_FLAG], service: { command: '--dev' } },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'a script run with arguments that cannot be known keeps both branches',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'), scripts: [DEV_FLAG] },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'DJANGO_ENV set nowhere: the test is false and the else branch runs',
    { dockerfile: ENTRY_ONLY, scripts: [ENV_BRANCH] },
    ['docker-entrypoint.sh:4'],
  ],
  [
    'DJANGO_ENV=production in the image ENV',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV DJANGO_ENV=production',
        'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
      ),
      scripts: [ENV_BRANCH],
    },
    [],
  ],
  [
    'compose environment overrides the image ENV',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV DJANGO_ENV=production',
        'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
      ),
      scripts: [ENV_BRANCH],
      service: { environment: [env('DJANGO_ENV', 'development')] },
    },
    ['docker-entrypoint.sh:4'],
  ],
  [
    'DJANGO_ENV interpolated from an unknown value: both branches kept',
    {
      dockerfile: ENTRY_ONLY,
      scripts: [ENV_BRANCH],
      service: { environment: [env('DJANGO_ENV', '', { raw: '${DJANGO_ENV}', interpolated: true })] },
    },
    ['docker-entrypoint.sh:4'],
  ],
  [
    'DJANGO_ENV possibly from an env_file: both branches kept',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV DJANGO_ENV=production',
        'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
      ),
      scripts: [ENV_BRANCH],
      service: { envFiles: [{ file: 'compose.yaml', line: 7, path: '.env' }] },
    },
    ['docker-entrypoint.sh:4'],
  ],
  [
    'runserver behind debugpy run by path',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python /tmp/debugpy --listen 0.0.0.0:5678 manage.py runserver 0.0.0.0:8000',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'runserver behind python -m debugpy',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "--wait-for-client", "manage.py", "runserver"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'runserver behind python -m ptvsd running -m django',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["python", "-m", "ptvsd", "--host", "0.0.0.0", "--port", "5678", "-m", "django", "runserver"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'a debugger launcher running gunicorn is not the development server',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["python", "-m", "debugpy", "--listen", "5678", "-m", "gunicorn", "app.wsgi", "-b", "0.0.0.0:8000"]',
      ),
    },
    [],
  ],
]);
