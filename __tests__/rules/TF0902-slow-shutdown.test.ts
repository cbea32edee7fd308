import { slowShutdown } from '../../src/rules/TF0902-slow-shutdown.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

const stopped = { kind: 'stopped', budgetMs: 5_000, killed: false, stopFailed: false } as const;

dynamicRuleCases(slowShutdown, [
  [
    'killed by SIGKILL on both engines: one finding naming both',
    [
      { ...stopped, engine: 'sqlite', durationMs: 10_400, killed: true, exitCode: 137, logTail: 'log' },
      { ...stopped, engine: 'postgres', durationMs: 10_300, killed: true, exitCode: 137 },
    ],
    [
      'Dockerfile:8 `docker stop` ended the server by SIGKILL after 10.4 s (exit code 137): SIGTERM does not reach or stop it. Use the exec form of CMD, `exec` the server from entrypoint scripts, and let it exit on SIGTERM. (sqlite and postgres) | log',
    ],
  ],
  ['a prompt stop is fine', [{ ...stopped, engine: 'sqlite', durationMs: 300, exitCode: 0 }], []],
  [
    'graceful but over the budget',
    [{ ...stopped, engine: 'postgres', durationMs: 6_200, exitCode: 0 }],
    [
      'Dockerfile:8 `docker stop` took 6.2 s, over the 5.0 s shutdown budget. Make the server exit promptly on SIGTERM (exec form CMD, `exec` in scripts, a short graceful timeout). (postgres)',
    ],
  ],
  ['exactly the budget is fine', [{ ...stopped, engine: 'sqlite', durationMs: 5_000, exitCode: 0 }], []],
]);
