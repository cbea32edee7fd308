import { portUnreachable } from '../../src/rules/TF0703-port-unreachable.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(portUnreachable, [
  [
    'no answer on the port',
    [
      {
        kind: 'no-http-answer',
        engine: 'sqlite',
        port: 8000,
        why: 'no HTTP answer within 60.0 s: ECONNRESET',
        logTail: 'Listening at: http://127.0.0.1:8000',
      },
    ],
    [
      'Dockerfile:8 The server never answered HTTP on port 8000 (no HTTP answer within 60.0 s: ECONNRESET). Bind it to 0.0.0.0:8000 (e.g. `gunicorn -b 0.0.0.0:8000`), not 127.0.0.1, and make sure it starts. (sqlite) | Listening at: http://127.0.0.1:8000',
    ],
  ],
  [
    'an answer, even slow, is not this rule',
    [{ kind: 'first-answer', engine: 'sqlite', durationMs: 30_000, budgetMs: 20_000 }],
    [],
  ],
]);
