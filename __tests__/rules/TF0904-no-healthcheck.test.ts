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
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: false, ownTest: true } },
    },
    [],
  ],
  [
    'a compose healthcheck with no test retimes the image HEALTHCHECK',
    {
      dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD true'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: false, ownTest: false } },
    },
    [],
  ],
  [
    'a compose healthcheck with no test and no image HEALTHCHECK',
    {
      dockerfile: df('FROM python:3.12'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: false, ownTest: false } },
    },
    ['Dockerfile:1'],
  ],
  [
    'compose disables the image healthcheck',
    {
      dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD true'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: true, ownTest: true } },
    },
    ['Dockerfile:1'],
  ],
]);
