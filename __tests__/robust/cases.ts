import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Finding } from '../../src/core/index.js';

/**
 * Hostile repositories, shared by the tests (__tests__/robust/hostile.test.ts) and the reliability report
 * (scripts/reliability.ts). Each builds its tree under `root` (and may use `outside`, a sibling directory that is
 * not scanned), then checks the findings: a clear TF0001 or a normal report.
 */
export interface HostileCase {
  name: string;
  make(root: string, outside: string): void;
  check(findings: Finding[]): void;
  /** Text that must never show up anywhere in the result (content from outside the tree, secrets). */
  forbidden?: string[];
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function parseErrorsIn(findings: Finding[], file: string): Finding[] {
  return findings.filter((f) => f.ruleId === 'TF0001' && f.file === file);
}

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
const GOOD_SETTINGS = "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = False\n";
const MARKER = 'outside-marker-7f3a9c';

function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `x-bomb:\n${levels.map((l) => '  ' + l).join('\n')}\nservices:\n  web:\n    image: *l\n`;
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'symlinks pointing outside the repository are never followed nor read',
    make(root, outside) {
      writeTree(outside, {
        Dockerfile: `FROM ${MARKER}:latest\n`,
        'settings.py': `SECRET_KEY = '${MARKER}'\n`,
        'tree/compose.yaml': `services:\n  ${MARKER}:\n    image: ${MARKER}\n`,
      });
      writeTree(root, { 'manage.py': MANAGE, 'mysite/__init__.py': '' });
      symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile'));
      symlinkSync(join(outside, 'settings.py'), join(root, 'mysite', 'settings.py'));
      symlinkSync(join(outside, 'tree'), join(root, 'linked'));
      symlinkSync('/', join(root, 'rootfs'));
    },
    check() {},
    forbidden: [MARKER],
  },
  {
    name: 'a directory named Dockerfile is not a Dockerfile',
    make: (root) => writeTree(root, { 'Dockerfile/README': 'not a Dockerfile', 'manage.py': MANAGE }),
    check: (findings) => assert.deepEqual(parseErrorsIn(findings, 'Dockerfile'), []),
  },
  {
    name: 'a Dockerfile of tens of megabytes is reported as too large, not read',
    make(root) {
      const line =
        'RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n';
      writeTree(root, { Dockerfile: 'FROM python:3.12-slim\n' + line.repeat(400_000), 'manage.py': MANAGE });
    },
    check(findings) {
      const errors = parseErrorsIn(findings, 'Dockerfile');
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /large|MiB|MB|size/i);
    },
  },
  {
    name: 'deeply nested YAML gives TF0001 on the compose file',
    make: (root) =>
      writeTree(root, {
        'compose.yaml': 'services:\n  web:\n    x: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n',
      }),
    check: (findings) => assert.equal(parseErrorsIn(findings, 'compose.yaml').length, 1),
  },
  {
    name: 'a YAML alias bomb gives TF0001 and is not expanded',
    make: (root) => writeTree(root, { 'compose.yaml': aliasBomb() }),
    check: (findings) => assert.equal(parseErrorsIn(findings, 'compose.yaml').length, 1),
  },
  {
    name: 'thousands of compose services give a normal report',
    make(root) {
      const services = Array.from({ length: 5000 }, (_, i) => `  svc${i}:\n    image: redis:7\n`).join('');
      writeTree(root, { 'compose.yaml': `services:\n${services}`, 'manage.py': MANAGE });
    },
    check: (findings) => assert.deepEqual(parseErrorsIn(findings, 'compose.yaml'), []),
  },
  {
    name: 'non-UTF-8 and NUL bytes give TF0001 for each file, and the rest goes on',
    make: (root) =>
      writeTree(root, {
        Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x00, 0x0a]),
        'manage.py': MANAGE,
        'mysite/__init__.py': '',
        'mysite/settings.py': Buffer.concat([
          Buffer.from("SECRET_KEY = 'x'\n"),
          Buffer.from([0xc3, 0x28, 0x00]),
        ]),
        'compose.yaml': 'services:\n  db:\n    image: postgres\n',
      }),
    check(findings) {
      assert.equal(parseErrorsIn(findings, 'Dockerfile').length, 1);
      assert.equal(parseErrorsIn(findings, 'mysite/settings.py').length, 1);
      assert.ok(
        findings.some((f) => f.ruleId === 'TF0205' && f.file === 'compose.yaml'),
        'compose is still judged',
      );
    },
  },
  {
    name: 'an unterminated heredoc gives TF0001 or a normal report',
    make: (root) =>
      writeTree(root, {
        Dockerfile: 'FROM python:3.12-slim\nRUN <<EOF\npip install django\nCMD ["gunicorn"]\n',
      }),
    check(findings) {
      for (const f of findings) if (f.file === 'Dockerfile' && f.line !== undefined) assert.ok(f.line <= 5);
    },
  },
  {
    name: 'compose values of the wrong type give TF0001 at their line, and the valid parts are still judged',
    make: (root) =>
      writeTree(root, {
        'compose.yaml': [
          'services:',
          '  web:',
          '    build: .',
          '    ports: 8000',
          '    environment: 12',
          '    volumes: "oops"',
          '    container_name: web',
          '  broken: 5',
          '  db:',
          '    image: postgres:latest',
          '',
        ].join('\n'),
        Dockerfile:
          'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
        'manage.py': MANAGE,
        'mysite/settings.py': GOOD_SETTINGS,
      }),
    check(findings) {
      const errors = parseErrorsIn(findings, 'compose.yaml');
      assert.ok(errors.length >= 1 && errors.every((e) => e.line !== undefined), JSON.stringify(errors));
      assert.ok(
        findings.some((f) => f.ruleId === 'TF0205' && f.line === 10),
        'the db service is still judged',
      );
    },
  },
  {
    name: 'a settings module with a syntax error gives TF0001 at its line and the rest is still judged',
    make: (root) =>
      writeTree(root, {
        'manage.py': MANAGE,
        'mysite/__init__.py': '',
        'mysite/settings.py': 'import os\nDEBUG = True\ndef broken(:\n    pass\n',
      }),
    check(findings) {
      const errors = parseErrorsIn(findings, 'mysite/settings.py');
      assert.equal(errors.length, 1);
      assert.equal(errors[0].line, 3);
    },
  },
  {
    name: 'random bytes as a Dockerfile give TF0001, never a crash',
    make: (root) => {
      let seed = 42;
      const bytes = Buffer.from(
        Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0xff)),
      );
      writeTree(root, { Dockerfile: bytes, 'manage.py': MANAGE });
    },
    check: (findings) => assert.equal(parseErrorsIn(findings, 'Dockerfile').length, 1),
  },
  {
    name: 'empty files everywhere give a normal report',
    make: (root) =>
      writeTree(root, {
        Dockerfile: '',
        'compose.yaml': '',
        'manage.py': '',
        'mysite/settings.py': '',
        '.dockerignore': '',
      }),
    check() {},
  },
];
