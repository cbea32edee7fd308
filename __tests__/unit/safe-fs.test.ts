import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discover } from '../../src/discover/index.js';
import { loadConfig, OptionError, scannedDirectory } from '../../src/options.js';
import { readArtifact, writeArtifact } from '../../src/github/artifact.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyzeStatic, makeReport } from '../../src/pipeline.js';
import {
  isInside,
  readInsideSync,
  resolveInside,
  UnsafePathError,
  writeOwnFile,
} from '../../src/util/safe-fs.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

/** A workspace and, next to it, a directory outside it holding a file the action must never read or write. */
function withTrees(fn: (root: string, outside: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const base = mkdtempSync(join(tmpdir(), 'tfr-safe-'));
    const root = join(base, 'ws');
    const outside = join(base, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE-CONTENT\n');
    try {
      await fn(root, outside);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  };
}

const reasonOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof UnsafePathError, String(error));
    return error.reason;
  }
  assert.fail('expected a refusal');
};

test('isInside: the root and what is below it, never a sibling sharing its prefix', () => {
  assert.equal(isInside('/a/b', '/a/b'), true);
  assert.equal(isInside('/a/b/c', '/a/b'), true);
  assert.equal(isInside('/a/bc', '/a/b'), false);
  assert.equal(isInside('/a', '/a/b'), false);
});

test(
  'readInsideSync reads regular files inside the root, through links that stay inside',
  withTrees((root) => {
    writeFileSync(join(root, 'a.txt'), 'hello');
    symlinkSync('a.txt', join(root, 'b.txt'));
    assert.equal(readInsideSync(root, 'a.txt', { maxBytes: 10 }).toString(), 'hello');
    assert.equal(readInsideSync(root, 'b.txt', { maxBytes: 10 }).toString(), 'hello');
    assert.equal(readInsideSync(root, join(root, 'a.txt'), { maxBytes: 10 }).toString(), 'hello');
  }),
);

test(
  'readInsideSync refuses links out, paths out, dangling links, directories, FIFOs, devices and large files',
  withTrees((root, outside) => {
    symlinkSync(join(outside, 'secret.txt'), join(root, 'out.txt'));
    symlinkSync(outside, join(root, 'outdir'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling.txt'));
    symlinkSync('/dev/zero', join(root, 'zero'));
    mkdirSync(join(root, 'dir'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
    writeFileSync(join(root, 'big.txt'), 'x'.repeat(2048));
    const read = (p: string) => () => readInsideSync(root, p, { maxBytes: 1024 });
    assert.equal(reasonOf(read('out.txt')), 'a symbolic link leaving the scanned directory');
    assert.equal(reasonOf(read('outdir/secret.txt')), 'a symbolic link leaving the scanned directory');
    assert.equal(reasonOf(read('../outside/secret.txt')), 'outside the scanned directory');
    assert.equal(reasonOf(read(join(outside, 'secret.txt'))), 'outside the scanned directory');
    assert.equal(reasonOf(read('dangling.txt')), 'a symbolic link whose target does not exist');
    assert.equal(reasonOf(read('missing.txt')), 'it does not exist');
    assert.equal(reasonOf(read('zero')), 'a symbolic link leaving the scanned directory');
    assert.equal(reasonOf(read('dir')), 'not a regular file');
    assert.equal(reasonOf(read('fifo')), 'not a regular file'); // never blocks waiting for a writer
    assert.equal(reasonOf(read('big.txt')), 'larger than 1 KiB');
    assert.equal(
      reasonOf(() => readInsideSync(root, 'out.txt', { maxBytes: 10, what: 'the workspace' })),
      'a symbolic link leaving the workspace',
    );
  }),
);

test(
  'resolveInside returns the real path of a directory inside, and refuses one through a link out',
  withTrees((root, outside) => {
    mkdirSync(join(root, 'app'));
    symlinkSync('app', join(root, 'alias'));
    symlinkSync(outside, join(root, 'ctx'));
    assert.equal(resolveInside(root, 'alias'), resolveInside(root, 'app'));
    assert.equal(
      reasonOf(() => resolveInside(root, 'ctx')),
      'a symbolic link leaving the scanned directory',
    );
  }),
);

test(
  'writeOwnFile creates parents and files inside, replaces its own file, and never writes through a link',
  withTrees((root, outside) => {
    const target = join(outside, 'secret.txt');
    writeOwnFile(join(root, 'out/deep/report.sarif'), 'one', [root]);
    writeOwnFile(join(root, 'out/deep/report.sarif'), 'two', [root]);
    assert.equal(readFileSync(join(root, 'out/deep/report.sarif'), 'utf8'), 'two');

    symlinkSync(target, join(root, 'link.sarif'));
    assert.match(
      reasonOf(() => writeOwnFile(join(root, 'link.sarif'), 'x', [root])),
      /symbolic link/,
    );
    symlinkSync(join(outside, 'new.sarif'), join(root, 'dangling.sarif'));
    assert.match(
      reasonOf(() => writeOwnFile(join(root, 'dangling.sarif'), 'x', [root])),
      /symbolic link/,
    );
    symlinkSync(outside, join(root, 'outdir'));
    assert.match(
      reasonOf(() => writeOwnFile(join(root, 'outdir/a/b/report.sarif'), 'x', [root])),
      /outside the workspace/,
    );
    assert.equal(existsSync(join(outside, 'a')), false, 'no directory created outside');
    assert.match(
      reasonOf(() => writeOwnFile(join(outside, 'x.sarif'), 'x', [root])),
      /outside the workspace/,
    );
    linkSync(target, join(root, 'hard.sarif'));
    assert.match(
      reasonOf(() => writeOwnFile(join(root, 'hard.sarif'), 'x', [root])),
      /hard links/,
    );
    mkdirSync(join(root, 'adir'));
    assert.match(
      reasonOf(() => writeOwnFile(join(root, 'adir'), 'x', [root])),
      /cannot be written|not a regular/,
    );

    assert.equal(readFileSync(target, 'utf8'), 'OUTSIDE-CONTENT\n');
    assert.equal(existsSync(join(outside, 'new.sarif')), false);
    assert.ok(lstatSync(join(root, 'link.sarif')).isSymbolicLink());
  }),
);

test(
  'writeOwnFile may write below a second allowed root that does not exist yet (RUNNER_TEMP subfolder)',
  withTrees((root, outside) => {
    const temp = join(outside, 'temp');
    writeOwnFile(join(temp, 'twelve-factor-review/report.json'), '{}', [root, temp]);
    assert.equal(readFileSync(join(temp, 'twelve-factor-review/report.json'), 'utf8'), '{}');
  }),
);

test(
  'config: a link out of the workspace or to /dev/zero is refused without being read or quoted',
  withTrees(async (root, outside) => {
    writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE-KEY: 1\n');
    mkdirSync(join(root, '.github'));
    symlinkSync(join(outside, 'secret.txt'), join(root, '.github/twelve-factor.yml'));
    symlinkSync('/dev/zero', join(root, 'zero.yml'));
    for (const file of [undefined, 'zero.yml']) {
      await assert.rejects(
        loadConfig(root, file),
        (error: Error) =>
          error instanceof OptionError &&
          /^Cannot read config file '[^']+': a symbolic link leaving the workspace\.$/.test(error.message) &&
          !error.message.includes('OUTSIDE'),
      );
    }
    // The CLI's own --config may be anywhere, but a device is still no config file.
    await assert.rejects(loadConfig(root, '/dev/zero', null), /not a regular file/);
    writeFileSync(join(outside, 'mine.yml'), 'exclude: [vendor/**]\n');
    assert.deepEqual((await loadConfig(root, join(outside, 'mine.yml'), null)).exclude, ['vendor/**']);
  }),
);

test(
  'scannedDirectory: a file, a missing path and a link out of the workspace are clear errors',
  withTrees((root, outside) => {
    writeFileSync(join(root, 'file.txt'), 'x');
    symlinkSync(outside, join(root, 'out'));
    mkdirSync(join(root, 'app'));
    const message = (dir: string) => {
      try {
        scannedDirectory(root, dir, 'working-directory', root);
      } catch (error) {
        assert.ok(error instanceof OptionError);
        return error.message;
      }
      return 'accepted';
    };
    assert.equal(message('app'), 'accepted');
    assert.match(message('file.txt'), /^working-directory 'file.txt' is not a directory\./);
    assert.match(message('missing'), /^working-directory 'missing' does not exist\./);
    assert.match(message('out'), /^working-directory 'out' leads outside the workspace/);
    assert.ok(!message('out').includes(outside), 'the link target is not printed');
  }),
);

test(
  'artifact: written as our own files, never through a link; a report.json linked out is refused',
  withTrees((root, outside) => {
    const report = makeReport({ directory: '.', findings: [], failOn: 'error', durationMs: 0 });
    const dir = join(root, 'artifact');
    mkdirSync(dir);
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'report.json'));
    assert.throws(() => writeArtifact(dir, report, undefined, [root]), /symbolic link/);
    assert.equal(readFileSync(join(outside, 'secret.txt'), 'utf8'), 'OUTSIDE-CONTENT\n');
    assert.throws(
      () => readArtifact(dir, 'error'),
      /report\.json: a symbolic link leaving the artifact directory/,
    );
    rmSync(join(dir, 'report.json'));
    writeArtifact(dir, report, { number: 3, headSha: 'a'.repeat(40) } as never, [root]);
    assert.equal(readArtifact(dir, 'error').pr?.number, 3);
  }),
);

test(
  'discover: a dangling or outside link to a file that matters is unreadable with the reason, and TF0001',
  withTrees(async (root, outside) => {
    mkdirSync(join(root, 'mysite'));
    writeFileSync(
      join(root, 'manage.py'),
      "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    );
    symlinkSync('/nonexistent/settings.py', join(root, 'mysite/settings.py'));
    symlinkSync(join(outside, 'secret.txt'), join(root, '.dockerignore'));
    const tree = await discover(root);
    assert.deepEqual(
      tree.unreadable.sort((a, b) => a.file.localeCompare(b.file)),
      [
        { file: '.dockerignore', reason: 'a symbolic link leaving the scanned directory' },
        { file: 'mysite/settings.py', reason: 'a symbolic link whose target does not exist' },
      ],
    );
  }),
);

test('a named compose file or Dockerfile that does not exist is TF0001 naming it', async () => {
  const result = await analyzeFiles(
    { Dockerfile: 'FROM python:3.12\n', 'manage.py': '' },
    { discover: { composeFiles: ['deploy/stack.yml'], dockerfile: 'Dockerfile.missing' } },
  );
  const messages = result.findings.filter((f) => f.ruleId === 'TF0001').map((f) => `${f.file}: ${f.message}`);
  assert.ok(
    messages.includes(
      'deploy/stack.yml: Cannot read deploy/stack.yml (named in the inputs): it does not exist. It was left out of the analysis.',
    ),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) =>
      m.startsWith('Dockerfile.missing: Cannot read Dockerfile.missing (named in the inputs)'),
    ),
  );
});

test(
  'a compose build context or Dockerfile through a link out of the tree is TF0001 at the build key; no app is built from it',
  withTrees(async (root, outside) => {
    writeFileSync(join(outside, 'Dockerfile'), 'FROM python:3.12\nCOPY . /x\n');
    writeFileSync(join(root, 'Dockerfile'), 'FROM python:3.12\nCOPY . /app\n');
    symlinkSync(outside, join(root, 'ctx'));
    writeFileSync(
      join(root, 'compose.yaml'),
      'services:\n  web:\n    build:\n      context: ./ctx\n      dockerfile: ../Dockerfile\n    command: gunicorn x\n',
    );
    const result = await analyzeStatic(root, DEFAULT_CONFIG);
    assert.deepEqual(findingsOf(result, 'TF0001'), [['compose.yaml', 3]]);
    assert.match(
      result.findings.find((f) => f.ruleId === 'TF0001')!.message,
      /^The build context ctx of the compose service cannot be used: it is a symbolic link leaving the scanned directory\. The image is not built from it\.$/,
    );
    for (const app of result.project.apps) assert.notEqual(app.context?.dir, 'ctx');
  }),
);
