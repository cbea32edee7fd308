import { parseError } from '../../src/rules/TF0001-parse-error.js';
import { contextRuleCases } from '../support/context-rule-cases.js';

contextRuleCases(parseError, [
  [
    'a compose file that is not YAML',
    { 'compose.yaml': 'services:\n  web:\n    build: .\n  - db\n' },
    [['compose.yaml', 4]],
  ],
  [
    'a compose file that parses',
    { 'compose.yaml': 'services:\n  web:\n    build: .\n', Dockerfile: 'FROM python:3.12\n' },
    [],
  ],
  [
    'a compose file that repeats a key, at the repeated key',
    {
      'compose.yaml': 'services:\n  web:\n    build: .\n    restart: always\n    restart: unless-stopped\n',
      Dockerfile: 'FROM python:3.12\n',
    },
    [['compose.yaml', 5]],
  ],
  [
    'a compose app service that builds a Dockerfile the repository does not hold, at its build line',
    { 'compose.yaml': 'services:\n  web:\n    build: .\n' },
    [['compose.yaml', 3]],
  ],
  [
    'a settings module with a syntax error, at its line',
    { 'mysite/settings.py': "SECRET_KEY = 'abc'\nINSTALLED_APPS = [\n    'polls'\nDEBUG = True\n" },
    [['mysite/settings.py', 4]],
  ],
]);
