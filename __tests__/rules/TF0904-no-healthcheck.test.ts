import { noHealthcheck } from '../../src/rules/TF0904-no-healthcheck.js';
import { appRuleCases, df } from '../support/rule-cases.js';

appRuleCases(noHealthcheck, [
  ['none anywhere', { dockerfile: df('FROM python:3.12') }, ['Dockerfile:1']],
  [
    'HEALTHCHECK in the target stage',
    { dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD curl -f http://localhost:8000/') },
    [],
  ],
  ['HEALTHCHECK NONE', { dockerfile: df('FROM python:3.12', 'HEALTHCHECK NONE') }, ['Dockerfile:1']],
  [
    'HEALTHCHECK only in a builder stage',
    { dockerfile: df('FROM python:3.12 AS b', 'HEALTHCHECK CMD true', 'FROM python:3.12') },
    ['Dockerfile:1'],
  ],
  [
    'a compose healthcheck counts',
    {
      dockerfile: df('FROM python:3.12'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: false } },
    },
    [],
  ],
  [
    'compose disables the image healthcheck',
    {
      dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD true'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: true } },
    },
    ['Dockerfile:1'],
  ],
]);
