import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { SourceTree } from '../../src/discover/types.js';
import { buildProject } from '../../src/model/index.js';
import { isKnownRule } from '../../src/rules/registry.js';
import { fullParserCalls } from '../../src/parse/shell.js';
import type { Finding } from '../../src/core/index.js';
import { runRules } from '../../src/rules/run.js';
import {
  composeText,
  dockerfileText,
  dockerignoreText,
  requirementsText,
  settingsText,
  shellText,
} from './generators.js';

// 4 properties × 2,600 runs: over 10,000 generated repositories per CI run.
const RUNS = 2600;

const MANAGE_PY = `#!/usr/bin/env python
import os, sys
if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
`;

function treeOf(texts: Record<string, string>): SourceTree {
  const all = { 'manage.py': MANAGE_PY, ...texts };
  const files = [...Object.keys(all), 'db.sqlite3', '.env', 'mysite/__init__.py'].sort();
  return { root: '/nonexistent/repo', files, texts: all, unreadable: [], options: {} };
}

/** The whole pure core on one tree: it must not throw, and every finding must point inside a file of the tree. */
function checkTree(texts: Record<string, string>): void {
  const tree = treeOf(texts);
  const findings = analyse(tree);
  for (const f of findings) assertAnchored(f, tree);
}

function analyse(tree: SourceTree): Finding[] {
  return runRules(buildProject(tree, isKnownRule), DEFAULT_CONFIG);
}

function assertAnchored(f: Finding, tree: SourceTree): void {
  assert.doesNotMatch(f.message, /could not judge this project/, `a rule threw: ${f.message}`);
  assert.ok(
    f.file === '.' || tree.files.includes(f.file),
    `${f.ruleId} points at a file not in the tree: ${f.file}`,
  );
  if (f.line === undefined) return;
  const text = tree.texts[f.file];
  const lines = text === undefined ? Infinity : Math.max(1, text.split(/\r\n|\r|\n/).length);
  assert.ok(
    Number.isInteger(f.line) && f.line >= 1 && f.line <= lines,
    `${f.ruleId} line ${f.line} outside ${f.file} (${lines} lines)`,
  );
}

test('arbitrary Dockerfiles with scripts, requirements and .dockerignore never crash the analysis', () => {
  fc.assert(
    fc.property(
      dockerfileText,
      shellText,
      requirementsText,
      dockerignoreText,
      (dockerfile, script, reqs, ignore) =>
        checkTree({
          Dockerfile: dockerfile,
          'entrypoint.sh': script,
          'requirements.txt': reqs,
          '.dockerignore': ignore,
        }),
    ),
    { numRuns: RUNS },
  );
});

test('arbitrary compose files never crash the analysis', () => {
  fc.assert(
    fc.property(composeText, composeText, (base, override) =>
      checkTree({
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
        'compose.yaml': base,
        'compose.override.yaml': override,
      }),
    ),
    { numRuns: RUNS },
  );
});

test('arbitrary settings modules never crash the analysis', () => {
  fc.assert(
    fc.property(settingsText, (settings) =>
      checkTree({ 'mysite/settings.py': settings, Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n' }),
    ),
    { numRuns: RUNS },
  );
});

test('all files arbitrary at once never crash the analysis', () => {
  fc.assert(
    fc.property(
      dockerfileText,
      composeText,
      settingsText,
      shellText,
      (dockerfile, compose, settings, script) =>
        checkTree({
          Dockerfile: dockerfile,
          'docker-compose.yml': compose,
          'mysite/settings.py': settings,
          'docker-entrypoint.sh': script,
        }),
    ),
    { numRuns: RUNS },
  );
});

/** Smallest CPU time of a few runs: CPU time, unlike wall time, hardly moves with the other processes' load. */
function fastest(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function scaledTree(n: number): Record<string, string> {
  const runs = Array.from({ length: n }, (_, i) => `RUN pip install pkg${i}==1.0 && echo ${i}`).join('\n');
  const services = Array.from(
    { length: n },
    (_, i) =>
      `  svc${i}:\n    image: postgres:16\n    environment:\n      - DB_PASSWORD=\${PW}\n    ports:\n      - "${8000 + (i % 1000)}:8000"`,
  ).join('\n');
  const settings = Array.from({ length: n }, (_, i) => `SETTING_${i} = os.environ.get('VAR_${i}', 'x')`).join(
    '\n',
  );
  return {
    Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\n${runs}\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n`,
    'compose.yaml': `services:\n  web:\n    build: .\n${services}\n`,
    'mysite/settings.py': `import os\n${settings}\n`,
  };
}

test('the analysis stays linear in input size: 8 times the input costs well under 8² times the time', () => {
  const small = scaledTree(100);
  const large = scaledTree(800);
  checkTree(small); // warm up the parsers' code paths at both sizes, and check the findings' anchors once
  checkTree(large);
  // Only the analysis is timed: the anchor check splits a file per finding, quadratic on its own.
  const tSmall = Math.max(
    fastest(() => analyse(treeOf(small))),
    5,
  );
  const tLarge = fastest(() => analyse(treeOf(large)));
  // Linear would be ×8, a quadratic stage ×64: ×32 tells them apart with room for a busy machine's noise.
  assert.ok(
    tLarge < tSmall * 32,
    `100 → 800 units took ${tSmall.toFixed(1)} → ${tLarge.toFixed(1)} ms of CPU`,
  );
});

test('a Dockerfile of plain RUN lines near the 2 MiB cap is read without the full shell parser', () => {
  const runs: string[] = [];
  for (let i = 0, size = 0; size < 2_000_000; i++) {
    runs.push(`RUN pip install pkg${i}==1.0 && echo ${i}`);
    size += runs[runs.length - 1].length + 1;
  }
  const before = fullParserCalls.count;
  const tree = treeOf({
    Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\n${runs.join('\n')}\nCMD ["gunicorn", "mysite.wsgi"]\n`,
  });
  const findings = runRules(buildProject(tree, isKnownRule), DEFAULT_CONFIG);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'TF0001'),
    [],
  );
  // At about a millisecond a script, tens of thousands of parses took minutes: only the odd script may go there.
  assert.ok(fullParserCalls.count - before < 10, `${fullParserCalls.count - before} full shell parses`);
});

function envLine(n: number): Record<string, string> {
  const pairs = Array.from({ length: n }, (_, i) => `VAR_${i}=value${i}`).join(' ');
  const names = Array.from({ length: n }, (_, i) => `ARG_${i}=x`).join(' ');
  return {
    Dockerfile: `FROM python:3.12-slim\nARG ${names}\nENV ${pairs}\nCMD ["gunicorn", "mysite.wsgi"]\n`,
  };
}

test('one ENV or ARG line of many names stays linear: each name is looked for after the previous one', () => {
  const small = envLine(500);
  const large = envLine(8000);
  checkTree(small);
  checkTree(large);
  const tSmall = Math.max(
    fastest(() => analyse(treeOf(small))),
    5,
  );
  const tLarge = fastest(() => analyse(treeOf(large)));
  assert.ok(
    // Linear would be ×16, quadratic ×256.
    tLarge < tSmall * 64,
    `500 → 8,000 names took ${tSmall.toFixed(1)} → ${tLarge.toFixed(1)} ms of CPU`,
  );
});
