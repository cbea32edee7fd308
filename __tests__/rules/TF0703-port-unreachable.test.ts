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
      'Dockerfile:8 The server never answered HTTP on port 8000 (no HTTP answer within 60.0 s: ECONNRESET). Nothing answered on port 8000 while the container ran: bind the server to 0.0.0.0:8000 (e.g. `gunicorn -b 0.0.0.0:8000`), not 127.0.0.1, on the port the image exposes. (sqlite) | Listening at: http://127.0.0.1:8000',
    ],
  ],
  [
    'an answer, even slow, is not this rule',
    [{ kind: 'first-answer', engine: 'sqlite', durationMs: 30_000, budgetMs: 20_000 }],
    [],
  ],
  [
    'exit code 0 before listening: the command is not a server',
    [{ kind: 'no-http-answer', engine: 'sqlite', port: 8000, why: 'exited', logTail: '', exitCode: 0 }],
    [
      "Dockerfile:8 The server never answered HTTP on port 8000 (exited). The container's command ended (exit code 0) before anything listened: the command it starts with is not a server. Give the image a server command (CMD), or check the compose service's `command:`, which the smoke test runs as compose does. (sqlite)",
    ],
  ],
  [
    // TF1001/TF1002 name a missing command; the port was never the problem, whenever the probe saw the exit.
    'exit code 127: the command is not in the image, no port problem',
    [
      {
        kind: 'no-http-answer',
        engine: 'postgres',
        port: 8000,
        why: 'exited',
        logTail: 'sh: 1: python: not found',
        exitCode: 127,
      },
    ],
    [],
  ],
  [
    'a module the image lacks: dependency advice (factor II)',
    [
      {
        kind: 'no-http-answer',
        engine: 'sqlite',
        port: 8000,
        why: 'exited',
        logTail: "ModuleNotFoundError: No module named 'psutil'",
        exitCode: 1,
      },
    ],
    [
      "Dockerfile:8 The server never answered HTTP on port 8000 (exited). The image lacks the Python module `psutil` the app imports: add the package that provides it to the requirements the image installs (factor II, dependencies declared and isolated). (sqlite) | ModuleNotFoundError: No module named 'psutil'",
    ],
  ],
]);
