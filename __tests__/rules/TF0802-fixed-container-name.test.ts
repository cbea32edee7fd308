import { fixedContainerName } from '../../src/rules/TF0802-fixed-container-name.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(fixedContainerName, [
  {
    name: 'container_name on the app',
    compose: y('services:', '  web:', '    build: .', '    container_name: mysite_web'),
    expect: ['compose.yaml:4'],
  },
  {
    name: 'container_name on the database only',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '  db:',
      '    image: postgres:16',
      '    container_name: db',
    ),
    expect: [],
  },
]);
