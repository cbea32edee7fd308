// A fixed Report for the renderer tests: every severity, every kind of suppression, smoke results with log tails,
// and hostile user-controlled text (file names and messages that try to break out of markdown, HTML and tables).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Factor, Finding, Report, RuleMeta, Severity } from '../../src/core/index.js';

export const HOSTILE_FILE = 'app/<script>alert(1)</script>](javascript:alert(1))|`x`|@octocat.py';
export const HOSTILE_MESSAGE =
  'SECRET_KEY is a literal; ask @octocat or see [here](javascript:alert(1)) <img src=x onerror=alert(1)> | ``code`` **bold** #1 \n# heading\n> quote';
export const HOSTILE_LOG = [
  'Step 5/9 : RUN pip install -r requirements.txt',
  '\u001B[31mERROR: No matching distribution found for Djangoo==4.2\u001B[0m',
  '````',
  '</details><script>alert(1)</script> @octocat',
  '```',
].join('\n');

export const FIXTURE_RULES: RuleMeta[] = [
  meta('TF0001', 'parse-error', '0', 'warning', 'S'),
  meta('TF0201', 'base-image-unpinned', 'II', 'warning', 'S', ['DL3007', 'DS-0001']),
  meta('TF0301', 'secret-key-in-code', 'III', 'error', 'S', ['security.W009']),
  meta('TF0302', 'debug-in-code', 'III', 'warning', 'S', ['security.W018']),
  meta('TF0502', 'image-build-failed', 'V', 'error', 'D'),
  meta('TF0701', 'no-port-declared', 'VII', 'notice', 'S'),
  meta('TF1301', 'runs-as-root', 'XIII', 'warning', 'S', ['DL3002', 'CKV_DOCKER_8']),
];

function meta(
  id: string,
  name: string,
  factor: Factor,
  severity: Severity,
  kind: 'S' | 'D',
  related: string[] = [],
): RuleMeta {
  return {
    id,
    name,
    factor,
    severity,
    kind,
    title: `Title of ${name}.`,
    help: `Why ${name} matters, in \`code\`.\n\nFix:\n\n\`\`\`dockerfile\nFROM python:3.12-slim\n\`\`\`\n`,
    related,
  };
}

export function finding(
  ruleId: string,
  fields: Partial<Finding> & { file: string; message: string },
): Finding {
  const rule = FIXTURE_RULES.find((r) => r.id === ruleId)!;
  return {
    ruleId,
    name: rule.name,
    factor: rule.factor,
    severity: rule.severity,
    kind: rule.kind,
    related: rule.related,
    fingerprint: `${ruleId.toLowerCase()}0000000000`.slice(0, 16),
    ...fields,
  };
}

export function fixtureReport(overrides: Partial<Report> = {}): Report {
  const findings: Finding[] = [
    finding('TF0201', { file: 'Dockerfile', line: 1, column: 1, message: 'Base image python has no tag.' }),
    finding('TF1301', { file: 'Dockerfile', line: 9, message: 'The image runs as root: add a USER.' }),
    finding('TF0701', { file: 'Dockerfile', message: 'No port declared: add EXPOSE 8000.' }),
    finding('TF0301', { file: 'mysite/settings.py', line: 23, message: 'SECRET_KEY is a literal value.' }),
    finding('TF0302', {
      file: 'mysite/settings.py',
      line: 26,
      message: 'DEBUG = True in code.',
      suppressed: { by: 'inline', reason: 'local only' },
    }),
    finding('TF0001', {
      file: 'legacy/compose.yml',
      line: 4,
      message: 'Cannot parse YAML.',
      suppressed: { by: 'config' },
    }),
    finding('TF0301', { file: HOSTILE_FILE, line: 7, message: HOSTILE_MESSAGE }),
    finding('TF0502', {
      file: 'Dockerfile',
      line: 5,
      message: 'docker build failed at RUN pip install -r requirements.txt (exit code 1).',
      details: HOSTILE_LOG,
    }),
  ].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.ruleId.localeCompare(b.ruleId),
  );
  return {
    tool: { name: 'twelve-factor-review', version: '0.1.0' },
    directory: 'examples/hardcoded',
    findings,
    counts: { error: 3, warning: 2, notice: 1 },
    configFile: '.github/twelve-factor.yml',
    apps: [
      {
        dir: '.',
        dockerfile: 'Dockerfile.prod',
        composeFiles: ['docker-compose.prod.yml'],
        settings: 'mysite/settings.py',
      },
    ],
    skipped: [
      {
        managePy: 'mysite-archive/manage.py',
        reason: 'no Dockerfile or compose service analysed here builds it',
      },
    ],
    failOn: 'error',
    verdict: 'fail',
    durationMs: 1234,
    smoke: {
      status: 'failed',
      app: '.',
      durationMs: 83400,
      build: { name: 'build', status: 'passed', durationMs: 61000, detail: 'image sha256:0123abcd' },
      engines: {
        sqlite: {
          engine: 'sqlite',
          status: 'passed',
          durationMs: 12300,
          steps: [
            { name: 'migrate', status: 'passed', durationMs: 3100, detail: '18 migrations applied' },
            { name: 'http', status: 'passed', durationMs: 2200, detail: 'HTTP 200 in 2.2 s' },
          ],
        },
        postgres: {
          engine: 'postgres',
          status: 'failed',
          reason: 'migrate exited with code 1 | see log',
          durationMs: 10100,
          steps: [
            {
              name: 'migrate',
              status: 'failed',
              durationMs: 4000,
              detail: 'exit code 1',
              logTail: HOSTILE_LOG,
            },
            { name: 'http', status: 'skipped', durationMs: 0 },
          ],
        },
      },
    },
    ...overrides,
  };
}

const SNAPSHOTS = join(import.meta.dirname, '..', 'snapshots');

/** Compares with __tests__/snapshots/NAME; UPDATE_SNAPSHOTS=1 rewrites it. A missing snapshot fails. */
export function assertSnapshot(name: string, actual: string): void {
  const file = join(SNAPSHOTS, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(
    existsSync(file),
    `snapshot ${name} is missing: run the test with UPDATE_SNAPSHOTS=1 and review it`,
  );
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
}
