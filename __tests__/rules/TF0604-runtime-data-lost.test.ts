import { runtimeDataLost } from '../../src/rules/TF0604-runtime-data-lost.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(runtimeDataLost, [
  [
    'the record is gone in the next container: anchored at the SQLite NAME',
    [
      {
        kind: 'data-lost',
        engine: 'sqlite',
        why: "the probe user written through Django's user model was not found",
        logTail: 'tfr-missing',
      },
    ],
    [
      "mysite/settings.py:55 The data written by the first container is not in the second one, started from the same image and volumes (the probe user written through Django's user model was not found). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server, and run nothing at start that empties it (`flush`, a fresh database file). (sqlite) | tfr-missing",
    ],
  ],
  ['nothing lost', [{ kind: 'first-answer', engine: 'sqlite', durationMs: 100, budgetMs: 20_000 }], []],
  [
    'no settings: the Dockerfile',
    [{ kind: 'data-lost', engine: 'postgres', why: 'gone', logTail: '' }],
    [
      "Dockerfile:1 The data written by the first container is not in the second one, started from the same image and volumes (gone). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server, and run nothing at start that empties it (`flush`, a fresh database file). (postgres)",
    ],
    { settings: undefined },
  ],
  [
    "both engines, PostgreSQL reporting first: named in the smoke test order, with SQLite's words",
    [
      { kind: 'data-lost', engine: 'postgres', why: 'gone from postgres', logTail: '' },
      { kind: 'data-lost', engine: 'sqlite', why: 'gone from sqlite', logTail: '' },
    ],
    [
      "mysite/settings.py:55 The data written by the first container is not in the second one, started from the same image and volumes (gone from sqlite). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server, and run nothing at start that empties it (`flush`, a fresh database file). (sqlite and postgres)",
    ],
  ],
]);
