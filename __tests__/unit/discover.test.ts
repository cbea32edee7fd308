import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discover } from '../../src/discover/index.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE_PY = `import os, sys
if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')
`;

async function withDir(
  files: Record<string, string | Uint8Array>,
  fn: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tfr-disc-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('discover lists every file, reads the ones that matter, and skips .git, node_modules, venvs and caches', async () => {
  await withDir(
    {
      Dockerfile: 'FROM python:3.12\n',
      'manage.py': MANAGE_PY,
      'mysite/settings.py': 'DEBUG = False\n',
      'mysite/urls.py': 'urlpatterns = []\n',
      'requirements.txt': 'django==4.2.11\n',
      'docker-compose.yml': 'services: {}\n',
      '.env': 'DB_PASSWORD=hunter2\n',
      'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
      '.git/config': '[core]\n',
      'node_modules/x/index.js': '',
      '.venv/lib/site.py': '',
      'mysite/__pycache__/settings.cpython-312.pyc': 'x',
      'static/logo.png': new Uint8Array([0x89, 0x50, 0, 1]),
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.deepEqual(tree.files, [
        '.env',
        'Dockerfile',
        'docker-compose.yml',
        'entrypoint.sh',
        'manage.py',
        'mysite/settings.py',
        'mysite/urls.py',
        'requirements.txt',
        'static/logo.png',
      ]);
      assert.deepEqual(Object.keys(tree.texts).sort(), [
        '.env',
        'Dockerfile',
        'docker-compose.yml',
        'entrypoint.sh',
        'manage.py',
        'mysite/settings.py',
        'requirements.txt',
      ]);
      assert.deepEqual(tree.skippedDirs, ['.git', '.venv', 'mysite/__pycache__', 'node_modules']);
      assert.deepEqual(tree.unreadable, []);
    },
  );
});

test('a directory named Dockerfile is not a Dockerfile; variants and *.Dockerfile are', async () => {
  await withDir(
    {
      'Dockerfile/readme.md': 'not a dockerfile',
      'Dockerfile.prod': 'FROM python:3.12\n',
      'web.Dockerfile': 'FROM python:3.12\n',
      'web.Dockerfile.dockerignore': '.git\n',
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.deepEqual(Object.keys(tree.texts).sort(), [
        'Dockerfile.prod',
        'web.Dockerfile',
        'web.Dockerfile.dockerignore',
      ]);
    },
  );
});

test('symlinks: followed to files inside the tree, never outside', async () => {
  const outside = await mkdtemp(join(tmpdir(), 'tfr-outside-'));
  try {
    await writeFile(join(outside, 'settings.py'), 'SECRET_KEY = "outside"\n');
    await withDir({ 'real/Dockerfile': 'FROM python:3.12\n' }, async (dir) => {
      await symlink(join(dir, 'real/Dockerfile'), join(dir, 'Dockerfile'));
      await symlink(join(outside, 'settings.py'), join(dir, 'settings.py'));
      await symlink(outside, join(dir, 'linked-dir'));
      const tree = await discover(dir);
      assert.deepEqual(tree.files, ['Dockerfile', 'real/Dockerfile']);
      assert.equal(tree.texts.Dockerfile, 'FROM python:3.12\n');
      assert.equal(tree.texts['settings.py'], undefined);
    });
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
});

test('a compose file that links to another compose file is read once, as that file', async () => {
  const compose = 'services:\n  web:\n    build: .\n';
  await withDir({ 'docker-compose-prod.yml': compose, Dockerfile: 'FROM python:3.12\n' }, async (dir) => {
    await symlink('docker-compose-prod.yml', join(dir, 'docker-compose.yml'));
    const tree = await discover(dir);
    assert.ok(tree.files.includes('docker-compose.yml'));
    assert.equal(tree.texts['docker-compose-prod.yml'], compose);
    assert.equal(tree.texts['docker-compose.yml'], undefined);
  });
});

test('files too large, binary or not UTF-8 are unreadable, with the reason', async () => {
  await withDir(
    {
      Dockerfile: `FROM python:3.12\n${'# padding\n'.repeat(220_000)}`,
      'docker-compose.yml': new Uint8Array([0x73, 0x65, 0xff, 0xfe, 0x0a]),
      'mysite/settings.py': new Uint8Array([0x41, 0x00, 0x42]),
      'requirements.txt': '\uFEFFdjango==4.2\n',
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.deepEqual(tree.unreadable, [
        { file: 'Dockerfile', reason: 'larger than 2 MiB' },
        { file: 'docker-compose.yml', reason: 'not valid UTF-8 text' },
        { file: 'mysite/settings.py', reason: 'binary content (NUL bytes), not text' },
      ]);
      assert.equal(tree.texts['requirements.txt'], 'django==4.2\n', 'the BOM is dropped');
    },
  );
});

test('unreadable Dockerfile, compose file or settings module each give TF0001; the rest goes on', async () => {
  const result = await analyzeFiles({
    Dockerfile: new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x00]),
    'manage.py': MANAGE_PY,
    'mysite/settings.py': new Uint8Array([0xc3, 0x28]),
    'docker-compose.yml': new Uint8Array([0xff]),
  });
  assert.deepEqual(findingsOf(result, 'TF0001'), [
    ['docker-compose.yml', undefined],
    ['Dockerfile', undefined],
    ['mysite/settings.py', undefined],
  ]);
  for (const f of result.findings.filter((x) => x.ruleId === 'TF0001'))
    assert.match(f.message, /Cannot read/);
});

test('settings modules named by manage.py, ENV or the input are read even with unusual names', async () => {
  await withDir(
    {
      'manage.py': MANAGE_PY.replace('mysite.settings', 'config.prod'),
      'config/prod.py': 'DEBUG = False\n',
      'config/other.py': 'X = 1\n',
      'app/conf.py': 'Y = 2\n',
    },
    async (dir) => {
      const tree = await discover(dir, { settingsModule: 'app.conf' });
      assert.ok('config/prod.py' in tree.texts);
      assert.ok('app/conf.py' in tree.texts);
      assert.ok(!('config/other.py' in tree.texts));
    },
  );
});

test('requirement files named by -r in the Dockerfile or in other requirement files are read', async () => {
  await withDir(
    {
      Dockerfile: 'FROM python:3.12\nCOPY deps/ /deps/\nRUN pip install -r /deps/base.lst\n',
      'deps/base.lst': '-r common.lst\ndjango==4.2\n',
      'deps/common.lst': 'requests==2.31.0\n',
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.ok('deps/base.lst' in tree.texts);
      assert.ok('deps/common.lst' in tree.texts);
    },
  );
});

test('env files a compose service names are read, inline, as a flow list, a block list or path: items', async () => {
  await withDir(
    {
      'docker-compose.yml': [
        'services:',
        '  web:',
        '    build: .',
        '    env_file: .env.prod',
        '  worker:',
        '    build: .',
        '    env_file: [config/a.env, "config/b.env"]',
        '  beat:',
        '    build: .',
        '    env_file:',
        '      - ./config/c.env',
        '      - path: config/d.env',
        '        required: false',
        '    command: celery beat',
        '',
      ].join('\n'),
      '.env.prod': 'DEBUG=False\n',
      'config/a.env': 'A=1\n',
      'config/b.env': 'B=1\n',
      'config/c.env': 'C=1\n',
      'config/d.env': 'D=1\n',
      'config/unrelated.env': 'E=1\n',
    },
    async (dir) => {
      const tree = await discover(dir);
      for (const f of ['.env.prod', 'config/a.env', 'config/b.env', 'config/c.env', 'config/d.env'])
        assert.ok(f in tree.texts, f);
      // Every env-style file is read too: TF0308 judges one that leaves all its secrets empty by what it holds.
      assert.ok('config/unrelated.env' in tree.texts);
    },
  );
});

test('permission errors do not crash discovery', async () => {
  await withDir({ Dockerfile: 'FROM python:3.12\n', 'locked/secret.py': 'x' }, async (dir) => {
    const { chmod } = await import('node:fs/promises');
    await chmod(join(dir, 'locked'), 0o000);
    try {
      const tree = await discover(dir);
      assert.ok(tree.files.includes('Dockerfile'));
    } finally {
      await chmod(join(dir, 'locked'), 0o755);
    }
  });
});

test('the file count is capped: the walk stops, the tree says so, and TF0001 reports it on the directory', async () => {
  const files: Record<string, string> = { Dockerfile: 'FROM python:3.12\n' };
  for (let i = 0; i < 30; i++) files[`static/f${String(i).padStart(2, '0')}.txt`] = 'x';
  await withDir(files, async (dir) => {
    const tree = await discover(dir, {}, { maxFiles: 10 });
    assert.equal(tree.files.length, 10);
    assert.deepEqual(tree.truncated, { limit: 10 });
    assert.ok(tree.files.includes('Dockerfile'), 'shallow files are listed first');
    const { buildProject } = await import('../../src/model/index.js');
    const { isKnownRule } = await import('../../src/rules/registry.js');
    const errors = buildProject(tree, isKnownRule).parseErrors;
    assert.equal(errors.length, 1);
    assert.equal(errors[0].file, '.');
    assert.match(errors[0].message, /more than 10 files/);
  });
});

test('the per-file size cap names the limit', async () => {
  await withDir({ Dockerfile: 'FROM python:3.12\n'.repeat(100) }, async (dir) => {
    const tree = await discover(dir, {}, { maxFileBytes: 1024 });
    assert.deepEqual(tree.unreadable, [{ file: 'Dockerfile', reason: 'larger than 1 KiB' }]);
  });
});

test('an unreadable settings module with an unusual name, named by manage.py, is TF0001 too', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE_PY.replace('mysite.settings', 'config.prod'),
    'config/prod.py': new Uint8Array([0x53, 0x00]),
  });
  assert.deepEqual(findingsOf(result, 'TF0001'), [['config/prod.py', undefined]]);
});

test('an overlay: its files are listed (a new one too) and read before the disk, nothing is written', async () => {
  await withDir(
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'manage.py': MANAGE_PY,
      'mysite/settings.py': 'DEBUG = True\n',
    },
    async (dir) => {
      const overlay = new Map([
        ['mysite/settings.py', 'DEBUG = False\n'],
        ['.dockerignore', '\uFEFF.env*\n'],
        ['node_modules/.keep', 'x'],
        ['big/requirements.txt', 'x'.repeat(2048)],
      ]);
      const tree = await discover(dir, {}, { maxFileBytes: 1024 }, overlay);
      assert.deepEqual(tree.files, [
        '.dockerignore',
        'Dockerfile',
        'big/requirements.txt',
        'manage.py',
        'mysite/settings.py',
      ]);
      assert.equal(tree.texts['mysite/settings.py'], 'DEBUG = False\n');
      assert.equal(tree.texts['.dockerignore'], '.env*\n', 'read as a file on disk is (no BOM)');
      assert.deepEqual(tree.unreadable, [{ file: 'big/requirements.txt', reason: 'larger than 1 KiB' }]);
      const plain = await discover(dir);
      assert.equal(plain.texts['mysite/settings.py'], 'DEBUG = True\n');
      assert.deepEqual(plain.files, ['Dockerfile', 'manage.py', 'mysite/settings.py']);
    },
  );
});

test('UTF-16 with a byte-order mark (LE or BE) and UTF-8 with one are read as text, lines as an editor counts them', async () => {
  const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const utf16be = (s: string) =>
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
  await withDir(
    {
      'requirements.txt': utf16le('Django==5.0.6\r\ngunicorn\r\n'),
      'requirements/dev.txt': utf16be('pytest\n'),
      Dockerfile: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM python:3.12\n')]),
      'start.sh': utf16le('\u0000\u0001'),
      'requirements-odd.txt': Buffer.from([0xff, 0xfe, 0x41]),
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.equal(tree.texts['requirements.txt'], 'Django==5.0.6\r\ngunicorn\r\n');
      assert.equal(tree.texts['requirements/dev.txt'], 'pytest\n');
      assert.equal(tree.texts.Dockerfile, 'FROM python:3.12\n');
      assert.deepEqual(tree.unreadable, [
        { file: 'requirements-odd.txt', reason: 'not valid UTF-16 text (odd number of bytes)' },
        { file: 'start.sh', reason: 'binary content (NUL characters), not text' },
      ]);
    },
  );
});

test('an unreadable requirements file or start script gives TF0001 naming it; a UTF-16 one is analysed', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE_PY,
    Dockerfile:
      'FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt -r /app/requirements-dev.txt\nCMD ["/app/start.sh"]\n',
    'requirements.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('django\r\n', 'utf16le')]),
    'requirements-dev.txt': new Uint8Array([0x64, 0x00, 0x6a]),
    'start.sh': new Uint8Array([0x23, 0x21, 0xff]),
  });
  assert.deepEqual(findingsOf(result, 'TF0001'), [
    ['requirements-dev.txt', undefined],
    ['start.sh', undefined],
  ]);
  assert.match(
    result.findings.find((f) => f.file === 'start.sh')?.message ?? '',
    /^Cannot read start\.sh: not valid UTF-8/,
  );
  assert.deepEqual(findingsOf(result, 'TF0202'), [['requirements.txt', 1]]);
});

test('a settings module named by --settings in a compose command is read, whatever its file is called', async () => {
  await withDir(
    {
      'manage.py': MANAGE_PY,
      'mysite/docker.py': 'DEBUG = True\n',
      'mysite/other.py': 'X = 1\n',
      'docker-compose.yml':
        'services:\n  web:\n    build: .\n    command: sh -c "python manage.py runserver 0.0.0.0:8000 --settings=mysite.docker"\n',
    },
    async (dir) => {
      const tree = await discover(dir);
      assert.ok('mysite/docker.py' in tree.texts);
      assert.ok(!('mysite/other.py' in tree.texts));
    },
  );
});
