import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretName, secretInCompose } from '../../src/rules/TF0307-secret-in-compose.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(secretInCompose, [
  {
    name: 'literal in environment mapping and list, in any service',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      - SECRET_KEY=django-insecure-abc',
      '      - DEBUG=1',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: postgres',
    ),
    expect: ['compose.yaml:5', 'compose.yaml:10'],
  },
  {
    name: '${DB_PASSWORD} interpolation, even when .env sets it',
    compose: y(
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
    ),
    env: { DB_PASSWORD: 'hunter2' },
    expect: [],
  },
  {
    name: 'literal in build.args',
    compose: y(
      'services:',
      '  web:',
      '    build:',
      '      context: .',
      '      args:',
      '        NPM_TOKEN: abc123',
    ),
    expect: ['compose.yaml:6'],
  },
  {
    name: 'env_file, bare names, empty values and secrets files',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    env_file: .env',
      '    environment:',
      '      - SECRET_KEY',
      '      - API_KEY=',
      '      - POSTGRES_PASSWORD_FILE=/run/secrets/db',
      '    secrets: [db]',
    ),
    expect: [],
  },
  {
    name: 'a literal from an anchor reports the line where it is written',
    compose: y(
      'x-env: &env',
      '  DJANGO_SECRET_KEY: abc',
      'services:',
      '  web:',
      '    build: .',
      '    environment: *env',
      '  worker:',
      '    build: .',
      '    environment: *env',
    ),
    expect: ['compose.yaml:2', 'compose.yaml:2'],
  },
  {
    name: 'a yes/no switch under a password name is no credential; a password beside it is',
    compose: y(
      'services:',
      '  db:',
      '    image: mysql:8.4',
      '    environment:',
      '      MYSQL_ONETIME_PASSWORD: "yes"',
      '      MYSQL_RANDOM_ROOT_PASSWORD: "true"',
      '      MYSQL_PASSWORD: app-pass',
    ),
    expect: ['compose.yaml:7'],
  },
]);

test('secret-looking names follow TF0306 and leave out pointers to secrets and tuning knobs', () => {
  for (const n of [
    'DB_PASSWORD',
    'SECRET_KEY',
    'DJANGO_SECRET_KEY',
    'GITHUB_TOKEN',
    'STRIPE_API_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'PRIVATE_PEM',
    'FERNET_KEY',
    'DB_PASSWD',
    'postgres_password',
    'DB_PASS',
    'MYSQL_PWD',
  ]) {
    assert.ok(isSecretName(n), n);
  }
  for (const n of [
    'POSTGRES_PASSWORD_FILE',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
    'ACCESS_TOKEN_LIFETIME',
    'DEBUG',
    'DB_HOST',
    'KEYCLOAK_URL',
    'POSTGRES_USER',
    'GPG_KEY',
    'AWS_ACCESS_KEY_ID',
  ]) {
    assert.ok(!isSecretName(n), n);
  }
});
