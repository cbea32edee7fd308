import { noDockerignore } from '../../src/rules/TF0102-no-dockerignore.js';
import { contextRuleCases } from '../support/context-rule-cases.js';

contextRuleCases(noDockerignore, [
  [
    'COPY . without .dockerignore',
    { Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n' },
    [['Dockerfile', 3]],
  ],
  [
    'COPY . with a .dockerignore',
    { Dockerfile: 'FROM python:3.12\nCOPY . .\n', '.dockerignore': '.git\n' },
    [],
  ],
  ['ADD ./ without .dockerignore', { Dockerfile: 'FROM python:3.12\nADD ./ /app/\n' }, [['Dockerfile', 2]]],
  [
    'COPY . with <Dockerfile>.dockerignore',
    { 'app.Dockerfile': 'FROM python:3.12\nCOPY . .\n', 'app.Dockerfile.dockerignore': '.git\n' },
    [],
  ],
  [
    'only named files copied',
    { Dockerfile: 'FROM python:3.12\nCOPY mysite/ /app/mysite/\nCOPY manage.py /app/\n' },
    [],
  ],
  [
    'the ONBUILD COPY . of a python:*-onbuild base, anchored at its FROM',
    {
      Dockerfile: 'FROM python:3-onbuild\nCMD ["gunicorn", "a.wsgi"]\n',
      'requirements.txt': 'Django==5.0\n',
    },
    [['Dockerfile', 1]],
  ],
  [
    'the official django:*-onbuild, also as library/ or docker.io/library/, runs the same ONBUILD COPY .',
    {
      Dockerfile: 'FROM docker.io/library/django:python3-onbuild\nCMD ["gunicorn", "a.wsgi"]\n',
      'requirements.txt': 'Django==1.10\n',
    },
    [['Dockerfile', 1]],
  ],
  [
    "another publisher's *-onbuild base: its triggers are not known, no ONBUILD COPY . is claimed",
    {
      Dockerfile: 'FROM alang/django:1.9-python3-onbuild\nENV DJANGO_APP=a\n',
      'src/requirements.txt': 'Django==1.9\n',
    },
    [],
  ],
  ['a plain python base runs no trigger', { Dockerfile: 'FROM python:3\nCMD ["gunicorn", "a.wsgi"]\n' }, []],
  [
    'COPY --from=builder . is not the context',
    { Dockerfile: 'FROM python:3.12 AS b\nFROM python:3.12\nCOPY --from=b . /x\n' },
    [],
  ],
]);
