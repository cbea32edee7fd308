import { devServer } from '../../src/rules/TF0801-dev-server.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

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
]);
