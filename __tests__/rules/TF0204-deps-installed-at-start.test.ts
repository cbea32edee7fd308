import { depsInstalledAtStart } from '../../src/rules/TF0204-deps-installed-at-start.js';
import { appRuleCases, df } from '../support/rule-cases.js';

appRuleCases(depsInstalledAtStart, [
  [
    'pip install in a shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD pip install -r requirements.txt && gunicorn app.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'installing in RUN is fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install -r requirements.txt',
        'CMD ["gunicorn", "app.wsgi"]',
      ),
    },
    [],
  ],
  [
    'apt-get install in an exec-form sh -c',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "apt-get install -y libpq5 && exec gunicorn app.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'apk add in a compose command',
    {
      dockerfile: df('FROM python:3.12-alpine', 'CMD ["gunicorn", "app.wsgi"]'),
      service: { command: 'sh -c "apk add curl && gunicorn app.wsgi"' },
    },
    ['compose.yaml:5'],
  ],
  [
    'pip install in the entrypoint script',
    {
      dockerfile: df(
        'FROM python:3.12',
        'COPY entrypoint.sh /entrypoint.sh',
        'ENTRYPOINT ["/entrypoint.sh"]',
        'CMD ["gunicorn", "app.wsgi"]',
      ),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\nset -e\npip install -r requirements.txt\nexec "$@"\n',
        },
      ],
    },
    ['entrypoint.sh:3'],
  ],
  [
    'poetry install and uv sync at start',
    { dockerfile: df('FROM python:3.12', 'CMD poetry install && uv sync && exec gunicorn a.wsgi') },
    ['Dockerfile:2', 'Dockerfile:2'],
  ],
  [
    'test -n "$DEBUG" && pip install …, DEBUG set nowhere: never runs',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]'),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\ntest -n "$DEBUG" && pip install -r requirements-dev.txt\nexec gunicorn a.wsgi\n',
        },
      ],
    },
    [],
  ],
  [
    'test -n "$DEBUG" && pip install …, DEBUG set in the image',
    {
      dockerfile: df('FROM python:3.12', 'ENV DEBUG=1', 'ENTRYPOINT ["/entrypoint.sh"]'),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\ntest -n "$DEBUG" && pip install -r requirements-dev.txt\nexec gunicorn a.wsgi\n',
        },
      ],
    },
    ['entrypoint.sh:2'],
  ],
]);
