import { adminTaskOnEveryStart } from '../../src/rules/TF1202-admin-task-on-every-start.js';
import { appRuleCases, df, ENTRY, ROLES, ROLES_IMAGE } from '../support/rule-cases.js';

appRuleCases(adminTaskOnEveryStart, [
  [
    'migrate && gunicorn in a shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate && gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'a one-off that migrates then collects static files',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py migrate && python manage.py collectstatic --noinput',
      ),
    },
    [],
  ],
  [
    "django-tenants' migrate_schemas before gunicorn",
    {
      dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate_schemas --shared && gunicorn a.wsgi'),
    },
    ['Dockerfile:2'],
  ],
  [
    'migrate in the entrypoint script before exec "$@"',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n' }],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'a script that migrates, then keeps the container idle with exec tail -f /dev/null',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        {
          ...ENTRY,
          text: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec tail -f /dev/null\n',
        },
      ],
    },
    [],
  ],
  [
    'compose sh -c migrate && runserver',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: {
        command: ['sh', '-c', 'python manage.py migrate && python manage.py runserver 0.0.0.0:8000'],
      },
    },
    ['compose.yaml:5'],
  ],
  [
    'migrate before an exec of another program',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate && exec /app/start-server') },
    ['Dockerfile:2'],
  ],
  [
    'a container that only migrates is a one-off',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "migrate"]') },
    [],
  ],
  [
    'migrate --check before the server is fine',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate --check && exec gunicorn a.wsgi') },
    [],
  ],
  [
    'migrate in the case item of the role the image starts',
    { dockerfile: ROLES_IMAGE('["web"]'), scripts: [ROLES] },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'migrate <app> zero before the server is a rollback (TF1203), not a migrate race',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py migrate people zero && python manage.py migrate --database default people zero && exec gunicorn a.wsgi',
      ),
    },
    [],
  ],
  [
    'migrate <app> <name> (not zero) before the server still migrates',
    {
      dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate people 0002 && exec gunicorn a.wsgi'),
    },
    ['Dockerfile:2'],
  ],
  ['migrate in a case item no start takes', { dockerfile: ROLES_IMAGE('["worker"]'), scripts: [ROLES] }, []],
]);
