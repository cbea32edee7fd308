import { slowStartup } from '../../src/rules/TF0903-slow-startup.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(slowStartup, [
  [
    'first answer over the startup budget',
    [{ kind: 'first-answer', engine: 'sqlite', durationMs: 25_000, budgetMs: 20_000 }],
    [
      'Dockerfile:8 The server took 25.0 s to answer its first HTTP request, over the 20.0 s startup budget. Move slow work (migrations, asset collection, waits) out of the start command. (sqlite)',
    ],
  ],
  [
    'within the budget',
    [{ kind: 'first-answer', engine: 'postgres', durationMs: 900, budgetMs: 20_000 }],
    [],
  ],
]);
