import { adminTaskAtBuild } from '../../src/rules/TF0501-admin-task-at-build.js';
import { appRuleCases, df } from '../support/rule-cases.js';

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
