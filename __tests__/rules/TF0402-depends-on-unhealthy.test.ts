import { dependsOnUnhealthy } from '../../src/rules/TF0402-depends-on-unhealthy.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(dependsOnUnhealthy, [
  {
    name: 'list form, database with a healthcheck',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      - db',
      '      - cache',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
      '  cache:',
      '    image: redis:7',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'service_healthy on a healthchecked database',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
    ),
    expect: [],
  },
  {
    name: 'service_healthy but the database has no healthcheck',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: mysql:8',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'a disabled healthcheck does not count',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      disable: true',
    ),
    expect: ['compose.yaml:5'],
  },
  {
    name: 'no depends_on at all is not this rule',
    compose: y('services:', '  web:', '    build: .', '  db:', '    image: postgres:16'),
    expect: [],
  },
]);
