import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretInDockerfile } from '../../src/rules/TF0306-secret-in-dockerfile.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import { messages } from '../support/app-fixture.js';

appRuleCases(secretInDockerfile, [
  [
    'literal ENV secret is an error at its line',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV DEBUG=0 \\',
        '    DJANGO_SECRET_KEY=abc123 \\',
        '    DB_PASSWORD="hunter2"',
      ),
    },
    ['Dockerfile:3', 'Dockerfile:4'],
  ],
  [
    'empty values and non-secret names are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV SECRET_KEY= PYTHONDONTWRITEBYTECODE=1 DJANGO_SETTINGS_MODULE=mysite.settings',
      ),
    },
    [],
  ],
  ['legacy ENV form', { dockerfile: df('FROM python:3.12', 'ENV API_TOKEN abcdef') }, ['Dockerfile:2']],
  [
    '*_PASS, *_PWD and *PASSWD* are secret-looking names',
    { dockerfile: df('FROM python:3.12', 'ENV DB_PASS=x1 MYSQL_PWD=x2 ROOT_PASSWD=x3 PWD_HINT=no') },
    ['Dockerfile:2', 'Dockerfile:2', 'Dockerfile:2'],
  ],
  [
    'ENV from a variable is not literal; the ARG is a warning',
    { dockerfile: df('FROM python:3.12', 'ARG SECRET_KEY', 'ENV SECRET_KEY=$SECRET_KEY') },
    ['Dockerfile:2!warning'],
  ],
  [
    'ARG with a default is a warning too',
    { dockerfile: df('ARG GITHUB_TOKEN=ghp_x', 'FROM python:3.12') },
    ['Dockerfile:1!warning'],
  ],
  [
    'paths to secrets, ids and public keys are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV SECRET_KEY_FILE=/run/secrets/key AWS_ACCESS_KEY_ID=AKIA1 GPG_KEY=A035C8C PUBLIC_KEY=x',
      ),
    },
    [],
  ],
  [
    'a builder stage outside the image lineage is not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'ENV PIP_TOKEN=x',
        'FROM python:3.12-slim',
        'COPY --from=build /x /x',
      ),
    },
    [],
  ],
  [
    'a parent stage passes its ENV on',
    { dockerfile: df('FROM python:3.12 AS base', 'ENV DB_PASSWORD=django', 'FROM base') },
    ['Dockerfile:2'],
  ],
]);

test('TF0306 secret-in-dockerfile: the message names the variable and never prints its value', () => {
  const [secret] = messages(secretInDockerfile, {
    dockerfile: df('FROM python:3.12', 'ENV DB_PASSWORD=hunter2'),
  });
  assert.match(secret, /DB_PASSWORD/);
  assert.doesNotMatch(secret, /hunter2/);
});
