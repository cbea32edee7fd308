import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Overlay } from '../../src/discover/index.js';
import { readText } from '../../src/fix/files.js';
import { runFixes } from '../../src/fix/run.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { findRule } from '../../src/rules/registry.js';
import { analyzeFiles } from '../support/analyze.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-shell-form-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const noConfig = { rules: {}, exclude: [], allowSuppressions: true };
const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

function tree(name: string, files: Record<string, string>): string {
  const d = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(d, file, '..'), { recursive: true });
    writeFileSync(join(d, file), text);
  }
  return d;
}

const ports = (root: string) => ({
  analyze: (overlay: Overlay) => analyzeStatic(root, noConfig, {}, overlay),
  read: (file: string) => readText(root, file),
  debug: () => {},
});

const BOTCHED_JSON = `CMD ['python manage.py', 'collectstatic --noinput' "gunicorn", "--chdir", "app", "--bind", ":8005", "app.wsgi:application"]`;

function image(cmd: string, script?: string): Record<string, string> {
  return {
    'manage.py': MANAGE,
    'mysite/settings.py': 'DEBUG = False\n',
    Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . /app\n${cmd}\n`,
    ...(script === undefined ? {} : { 'start.sh': script }),
  };
}

async function tf0901Message(files: Record<string, string>): Promise<string> {
  const result = await analyzeFiles(files);
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1, 'one TF0901');
  return found[0].message;
}

test('a CMD array that is not valid JSON: shell form, and no exec form built from its text', async () => {
  const message = await tf0901Message(image(BOTCHED_JSON));
  assert.match(message, /not valid JSON/);
  assert.doesNotMatch(message, /\["\[|,"/);
  assert.match(message, /exec/);
  const root = tree('botched', image(BOTCHED_JSON));
  const result = await runFixes(ports(root), { rules: [findRule('TF0901')!] });
  assert.equal(result.changes.get('Dockerfile'), undefined, 'no fix rewrites it');
});

test('shell-form CMD of a script without #!: the exec form runs it with sh, or the script gets a shebang', async () => {
  const script = 'python manage.py migrate\nexec gunicorn mysite.wsgi\n';
  const message = await tf0901Message(image('CMD /app/start.sh', script));
  assert.match(message, /Use the exec form: CMD \["sh", "\/app\/start.sh"\]/);
  assert.match(message, /no #! line.*exec format error.*#!\/bin\/sh/);
  const root = tree('no-shebang', image('CMD /app/start.sh', script));
  const result = await runFixes(ports(root), { rules: [findRule('TF0901')!] });
  assert.equal(result.changes.get('Dockerfile')?.after.split('\n')[3], 'CMD ["sh", "/app/start.sh"]');
});

test('shell-form CMD of a script with #!: the exec form runs it directly', async () => {
  const message = await tf0901Message(image('CMD ./start.sh', '#!/bin/sh\nexec gunicorn mysite.wsgi\n'));
  assert.match(message, /Use the exec form: CMD \["\.\/start\.sh"\]\.$/);
});

test('an assignment before the command is kept: message and fix pass it through env', async () => {
  const script =
    '#!/bin/sh\nset -e\nDJANGO_SETTINGS_MODULE=mysite.prod gunicorn --bind 0.0.0.0:8000 mysite.wsgi\n';
  const files = image('CMD ["/app/start.sh"]', script);
  assert.match(
    await tf0901Message(files),
    /Write 'exec env DJANGO_SETTINGS_MODULE=mysite\.prod gunicorn --bind 0\.0\.0\.0:8000 mysite\.wsgi'\./,
  );
  const result = await runFixes(ports(tree('env-prefix-script', files)), { rules: [findRule('TF0901')!] });
  assert.equal(
    result.changes.get('start.sh')?.after,
    '#!/bin/sh\nset -e\nexec env DJANGO_SETTINGS_MODULE=mysite.prod gunicorn --bind 0.0.0.0:8000 mysite.wsgi\n',
  );
});

test('a shell-form CMD with an assignment before the command: the exec form keeps it through env', async () => {
  const files = image('CMD DJANGO_SETTINGS_MODULE=mysite.prod gunicorn --bind 0.0.0.0:8000 mysite.wsgi');
  assert.match(
    await tf0901Message(files),
    /CMD \["env", "DJANGO_SETTINGS_MODULE=mysite\.prod", "gunicorn", "--bind", "0\.0\.0\.0:8000", "mysite\.wsgi"\]/,
  );
  const quoted = image(`CMD GREETING="hello world" gunicorn --name "my site" mysite.wsgi`);
  assert.match(
    await tf0901Message(quoted),
    /CMD \["env", "GREETING=hello world", "gunicorn", "--name", "my site", "mysite\.wsgi"\]/,
  );
});

test('a base with no shell: the exec form needs no sh (fixed), one that would needs sh -c (left to the author)', async () => {
  const distroless = (cmd: string) => ({
    ...image(cmd),
    Dockerfile: `FROM gcr.io/distroless/python3-debian12\nWORKDIR /app\nCOPY . /app\n${cmd}\n`,
  });
  const fixed = async (name: string, cmd: string) => {
    const root = tree(name, distroless(cmd));
    const result = await runFixes(ports(root), { rules: [findRule('TF0901')!] });
    return result.changes.get('Dockerfile')?.after;
  };
  assert.match(
    (await fixed('no-shell-plain', 'CMD python3 -m gunicorn mysite.wsgi')) ?? '',
    /CMD \["python3", "-m", "gunicorn", "mysite.wsgi"\]/,
  );
  assert.equal(
    await fixed('no-shell-variable', 'CMD python3 -m gunicorn --bind 0.0.0.0:$PORT mysite.wsgi'),
    undefined,
  );
});
