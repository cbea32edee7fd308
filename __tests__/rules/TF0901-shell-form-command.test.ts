import { shellFormCommand } from '../../src/rules/TF0901-shell-form-command.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(shellFormCommand, [
  [
    'shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn -b 0.0.0.0:8000 a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec form is fine',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  [
    'shell-form ENTRYPOINT is reported, not the ignored CMD',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT /start.sh', 'CMD gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec-form sh -c without exec',
    { dockerfile: df('FROM python:3.12', 'CMD ["sh", "-c", "python manage.py migrate && gunicorn a.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'exec-form sh -c ending in exec is fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "python manage.py migrate && exec gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'compose sh -c without exec',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: { command: 'sh -c "python manage.py migrate && gunicorn a.wsgi"' },
    },
    ['compose.yaml:5'],
  ],
  [
    'entrypoint script starting the server without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        { ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\ngunicorn a.wsgi --bind 0.0.0.0:8000\n' },
      ],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'entrypoint script running "$@" without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\n"$@"\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'entrypoint script with exec "$@" is fine',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n' }],
    },
    [],
  ],
  [
    'a helper script run before the server starts is not the server (wait-for-it.sh db:5432 -- echo up)',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        {
          ...ENTRY,
          text: '#!/bin/sh\n./wait-for-it.sh db:5432 -- echo up\npython manage.py migrate\nexec gunicorn a.wsgi\n',
        },
        {
          file: 'wait-for-it.sh',
          imagePath: '/usr/local/bin/wait-for-it.sh',
          text: '#!/bin/sh\nexec "$@"\n',
        },
      ],
    },
    [],
  ],
  [
    'a script run last, holding the server, still needs exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        { ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\n./start.sh\n' },
        { file: 'start.sh', imagePath: '/usr/local/bin/start.sh', text: '#!/bin/sh\nexec gunicorn a.wsgi\n' },
      ],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'a shell-form CMD of a builder stage is not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS b',
        'CMD echo hi',
        'FROM python:3.12',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
]);
