import { noPortDeclared } from '../../src/rules/TF0701-no-port-declared.js';
import { appRuleCases, df } from '../support/rule-cases.js';

appRuleCases(noPortDeclared, [
  [
    'no EXPOSE, no compose',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "app.wsgi"]') },
    ['Dockerfile:1'],
  ],
  [
    'EXPOSE in a parent stage counts',
    { dockerfile: df('FROM python:3.12 AS base', 'EXPOSE 8000', 'FROM base') },
    [],
  ],
  [
    'EXPOSE only in a builder stage does not',
    { dockerfile: df('FROM python:3.12 AS b', 'EXPOSE 8000', 'FROM python:3.12') },
    ['Dockerfile:1'],
  ],
  [
    'compose ports count',
    {
      dockerfile: df('FROM python:3.12'),
      service: { ports: [{ file: 'compose.yaml', line: 6, raw: '8000:8000', target: 8000 }] },
    },
    [],
  ],
  [
    'compose expose counts',
    {
      dockerfile: df('FROM python:3.12'),
      service: { expose: [{ file: 'compose.yaml', line: 6, raw: '8000', port: 8000 }] },
    },
    [],
  ],
]);
