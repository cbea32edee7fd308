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
    "a yes/no switch or a knob of the image's password is no credential; the password beside it is",
    {
      dockerfile: df(
        'FROM mysql:8.4',
        'ENV MYSQL_RANDOM_ROOT_PASSWORD=yes MYSQL_ONETIME_PASSWORD="true"',
        'ARG MYSQL_ALLOW_EMPTY_PASSWORD',
        'ENV MYSQL_PASSWORD=app-pass',
      ),
    },
    ['Dockerfile:4'],
  ],
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
    'ENV taking a secret ARG literal default is an error (the ARG stays a warning)',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ARG DJANGO_SUPERUSER_PASSWORD=admin123',
        'ENV DJANGO_SUPERUSER_PASSWORD=$DJANGO_SUPERUSER_PASSWORD',
      ),
    },
    ['Dockerfile:2!warning', 'Dockerfile:3'],
  ],
  [
    'a stage ARG inherits the global default; an ARG without any default is not a literal',
    {
      dockerfile: df(
        'ARG DB_PASSWORD=django',
        'ARG API_TOKEN',
        'FROM python:3.12',
        'ARG DB_PASSWORD',
        'ARG API_TOKEN',
        'ENV DB_PASSWORD="${DB_PASSWORD}" API_TOKEN=$API_TOKEN',
      ),
    },
    [
      'Dockerfile:1!warning',
      'Dockerfile:2!warning',
      'Dockerfile:4!warning',
      'Dockerfile:5!warning',
      'Dockerfile:6',
    ],
  ],
  [
    'a global ARG not declared again in the stage is not in scope',
    { dockerfile: df('ARG DB_PASSWORD=django', 'FROM python:3.12', 'ENV DB_PASSWORD=$DB_PASSWORD') },
    ['Dockerfile:1!warning'],
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
    'an ARG without a default in a builder stage the image copies from is a warning; an unused stage is not built',
    {
      dockerfile: df(
        'FROM python:3.12 AS builder',
        'ARG SSH_PRIVATE_KEY',
        'RUN echo "${SSH_PRIVATE_KEY}" > /root/.ssh/id_rsa',
        'FROM python:3.12 AS tests',
        'ARG CI_TOKEN',
        'FROM python:3.12-slim',
        'COPY --from=builder /env /env',
      ),
    },
    ['Dockerfile:2!warning'],
  ],
  [
    'a parent stage passes its ENV on',
    { dockerfile: df('FROM python:3.12 AS base', 'ENV DB_PASSWORD=django', 'FROM base') },
    ['Dockerfile:2'],
  ],
]);

test('TF0306 secret-in-dockerfile: an ENV from an ARG default names the ARG line, never the value', () => {
  const found = messages(secretInDockerfile, {
    dockerfile: df('FROM python:3.12', 'ARG ADMIN_PASSWORD=admin123', 'ENV ADMIN_PASSWORD=${ADMIN_PASSWORD}'),
  });
  const env = found.find((m) => m.startsWith('ENV'));
  assert.match(env ?? '', /ARG ADMIN_PASSWORD \(line 2\)/);
  assert.doesNotMatch(env ?? '', /admin123/);
});

test('TF0306 secret-in-dockerfile: the message names the variable and never prints its value', () => {
  const [secret] = messages(secretInDockerfile, {
    dockerfile: df('FROM python:3.12', 'ENV DB_PASSWORD=hunter2'),
  });
  assert.match(secret, /DB_PASSWORD/);
  assert.doesNotMatch(secret, /hunter2/);
});

test('TF0306 secret-in-dockerfile: an ARG says where a --build-arg value is recorded, by the stage it is in', () => {
  const found = messages(secretInDockerfile, {
    dockerfile: df(
      'FROM python:3.12 AS builder',
      'ARG SSH_PRIVATE_KEY',
      'RUN echo "${SSH_PRIVATE_KEY}" > /root/.ssh/id_rsa',
      'FROM python:3.12-slim',
      'ARG PIP_TOKEN',
      'COPY --from=builder /env /env',
    ),
  });
  const builder = found.find((m) => m.startsWith('ARG SSH_PRIVATE_KEY')) ?? '';
  assert.match(builder, /build stage 'builder'/);
  assert.match(builder, /not part of the final image/);
  assert.match(builder, /--build-arg/);
  assert.match(builder, /RUN --mount=type=secret,id=ssh_private_key/);
  assert.doesNotMatch(builder, /image history|running container/);
  const final = found.find((m) => m.startsWith('ARG PIP_TOKEN')) ?? '';
  assert.match(final, /--build-arg is recorded in the image history/);
  assert.match(final, /RUN --mount=type=secret,id=pip_token/);
});

test('TF0306 secret-in-dockerfile: an ENV a RUN reads is a build need; the start reading it too keeps the run-time advice', () => {
  const [buildOnly] = messages(secretInDockerfile, {
    dockerfile: df(
      'FROM python:3.12',
      'ENV INDEX_TOKEN=t0k3n',
      'RUN pip download --index-url "https://u:${INDEX_TOKEN}@pkgs.example/simple" app',
    ),
  });
  assert.match(buildOnly, /Only the build reads it \(the RUN at line 3;/);
  assert.match(buildOnly, /RUN --mount=type=secret,id=index_token,env=INDEX_TOKEN/);
  assert.doesNotMatch(buildOnly, /at run time\.|database user/);
  const [both] = messages(secretInDockerfile, {
    dockerfile: df(
      'FROM python:3.12',
      'ENV INDEX_TOKEN=t0k3n',
      'RUN pip download --index-url "https://u:$INDEX_TOKEN@pkgs.example/simple" app',
      'CMD ["sh", "-c", "fetch-updates --token $INDEX_TOKEN"]',
    ),
  });
  assert.match(
    both,
    /provide INDEX_TOKEN from the environment at run time\. The build reads it too \(the RUN at line 3\)/,
  );
});
