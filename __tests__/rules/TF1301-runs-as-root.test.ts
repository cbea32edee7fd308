import { runsAsRoot } from '../../src/rules/TF1301-runs-as-root.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(runsAsRoot, [
  [
    'no USER: last line of the target stage',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r requirements.txt', 'CMD ["gunicorn", "a.wsgi"]'),
    },
    ['Dockerfile:3'],
  ],
  [
    'a builder stage without USER is fine',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'RUN pip wheel .',
        'FROM python:3.12-slim',
        'USER 10001',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'USER root last',
    { dockerfile: df('FROM python:3.12', 'USER app', 'RUN true', 'USER 0:0') },
    ['Dockerfile:4'],
  ],
  [
    'USER inherited from the parent stage',
    { dockerfile: df('FROM python:3.12 AS base', 'USER app', 'FROM base', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  ['USER from an unknown variable is silent', { dockerfile: df('FROM python:3.12', 'USER $APP_USER') }, []],
  [
    'USER from an ARG is resolved',
    { dockerfile: df('FROM python:3.12', 'ARG U=root', 'USER $U') },
    ['Dockerfile:3'],
  ],
  [
    'the entrypoint drops privileges with gosu: the stage still has no USER (the message names the drop)',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec gosu app "$@"\n' }],
    },
    ['Dockerfile:3'],
  ],
  [
    'the target stage chosen by compose build.target',
    {
      dockerfile: df('FROM python:3.12 AS prod', 'USER app', 'FROM prod AS dev', 'USER root'),
      target: 'prod',
    },
    [],
  ],
]);
