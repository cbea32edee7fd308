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
    'COPY --from=builder . is not the context',
    { Dockerfile: 'FROM python:3.12 AS b\nFROM python:3.12\nCOPY --from=b . /x\n' },
    [],
  ],
]);
