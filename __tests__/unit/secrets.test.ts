/**
 * What the action knows to be secret and how it keeps it in: the redactor's encodings, the credentials read from the
 * runner's environment and the checkout's git config, the build context staged without `.git`, and the docker CLI's
 * environment cut down to the client's own variables.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  checkoutCredentials,
  environmentSecrets,
  gitConfigCredentials,
  runnerSecrets,
} from '../../src/runner-secrets.js';
import { stageBuildContext } from '../../src/smoke/build.js';
import { createDockerCli, dockerClientEnv } from '../../src/smoke/docker.js';
import { encodingsOf, Redactor } from '../../src/smoke/redact.js';
import { runSmoke } from '../../src/smoke/index.js';
import type { ComposeEnvEntry, ComposeService } from '../../src/model/types/compose.js';
import { appModel, FakeDocker, projectOf } from './smoke-fake.js';

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'tfr-secrets-unit-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** actions/checkout's persisted credential, as it writes it into .git/config. */
const extraheader = (token: string) =>
  `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${b64(`x-access-token:${token}`)}\n`;

describe('redactor encodings', () => {
  const redactor = new Redactor();
  redactor.add(TOKEN);

  test('the plain value, its URL encoding and hex are masked', () => {
    const special = 'p@ss/w:rd+with spaces';
    const r = new Redactor();
    r.add(special);
    assert.equal(r.redact(`a ${special} b`), 'a *** b');
    assert.equal(r.redact(`https://u:${encodeURIComponent(special)}@host`), 'https://u:***@host');
    assert.equal(redactor.redact(`hex ${Buffer.from(TOKEN).toString('hex')}`), 'hex ***');
  });

  test('base64 of x-access-token:TOKEN (the extraheader) and of the token itself are masked whole', () => {
    for (const encoded of [b64(`x-access-token:${TOKEN}`), b64(TOKEN)]) {
      assert.equal(redactor.redact(`AUTHORIZATION: basic ${encoded}`), 'AUTHORIZATION: basic ***');
      assert.equal(redactor.redact(encoded.replace(/=+$/, '')), '***');
    }
  });

  test('inside any longer base64 text, at each of the 3 byte offsets, the token cannot be decoded back', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'user:', 'x-access-token:', 'Authorization: token ']) {
      for (const suffix of ['', '\n', 'xy']) {
        const text = `${prefix}${TOKEN}${suffix}`;
        for (const encoding of ['base64', 'base64url'] as const) {
          const encoded = Buffer.from(text).toString(encoding);
          const out = redactor.redact(`log: ${encoded} end`);
          assert.ok(out.includes('***'), `${encoding} of ${JSON.stringify(prefix)}+token masked`);
          const decoded = Buffer.from(
            out.replace(/^log: | end$/g, '').replace(/\*/g, 'A'),
            encoding,
          ).toString('latin1');
          assert.ok(
            !decoded.includes(TOKEN.slice(2, -2)),
            `token decodable from ${encoding} after ${prefix}`,
          );
        }
      }
    }
  });

  test('values under 8 characters are not secrets, nor are the short base64 fragments of short values', () => {
    const r = new Redactor();
    r.add('abc');
    r.add('a1b2c3d');
    r.add('a1b2c3d4');
    assert.equal(r.redact('abc a1b2c3d a1b2c3d4 YWJjZA'), 'abc a1b2c3d *** YWJjZA');
    assert.ok(encodingsOf('abcd').every((f) => f === 'abcd' || f.length >= 8));
  });

  test('redactValue masks every string of a report-like value, deep, and leaves keys and numbers', () => {
    const value = {
      findings: [{ message: `token ${TOKEN}`, details: `basic ${b64(`x-access-token:${TOKEN}`)}`, line: 3 }],
      smoke: { build: { logTail: `url https://x:${TOKEN}@github.com` } },
      [TOKEN.slice(0, 3)]: true,
    };
    const out = redactor.redactValue(value);
    assert.equal(out.findings[0].message, 'token ***');
    assert.equal(out.findings[0].details, 'basic ***');
    assert.equal(out.findings[0].line, 3);
    assert.equal(out.smoke.build.logTail, 'url https://x:***@github.com');
    assert.ok(!JSON.stringify(out).includes(TOKEN));
    assert.equal(value.findings[0].message, `token ${TOKEN}`, 'the original is left as it was');
  });
});

describe('the runner secrets', () => {
  test('the token variables, ACTIONS_* tokens and any GitHub-token-shaped value; not URLs or ordinary values', () => {
    const found = environmentSecrets({
      GITHUB_TOKEN: 'gh-token-value',
      'INPUT_GITHUB-TOKEN': 'input-token-value',
      ACTIONS_RUNTIME_TOKEN: 'eyJ0eXAiOiJKV1Qi.runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-request-token',
      ACTIONS_CACHE_SERVICE_KEY: 'cache-key-value',
      ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/x',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.githubusercontent.com/x',
      SOME_NAME: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      DEBUG: 'false',
      PATH: '/usr/bin',
    });
    assert.deepEqual(found.sort(), [
      'cache-key-value',
      'eyJ0eXAiOiJKV1Qi.runtime',
      'gh-token-value',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'id-request-token',
      'input-token-value',
    ]);
  });

  test('git config: the extraheader credential (header value, decoded pair, password) and URL userinfo', () => {
    const text = [
      extraheader(TOKEN),
      '[remote "origin"]',
      '\turl = https://oauth2:p%40ss-word@gitlab.example.com/a/b.git',
      '[remote "mirror"]',
      '\turl = https://ghp_tokenAsUserName0123456789@github.com/a/b',
      '[http]',
      '\textraheader = "Authorization: bearer bearer-credential-1"',
      '[user]',
      '\tname = octocat',
    ].join('\n');
    const found = gitConfigCredentials(text);
    for (const s of [
      TOKEN,
      `x-access-token:${TOKEN}`,
      b64(`x-access-token:${TOKEN}`),
      'p%40ss-word',
      'p@ss-word',
      'ghp_tokenAsUserName0123456789',
      'bearer-credential-1',
    ])
      assert.ok(found.includes(s), `found ${s}`);
    assert.ok(!found.includes('octocat') && !found.includes('oauth2'));
  });

  test('the checkouts from the workspace down to the scanned directory, their includes and submodules', () => {
    const ws = tempDir();
    const runnerTemp = tempDir();
    mkdirSync(join(ws, '.git', 'modules', 'libs', 'x'), { recursive: true });
    // actions/checkout v6 keeps the credential in a file of RUNNER_TEMP included from .git/config.
    writeFileSync(join(runnerTemp, 'git-credentials-1.config'), extraheader('included-token-value'));
    writeFileSync(
      join(ws, '.git', 'config'),
      `[core]\n\tbare = false\n[includeIf "gitdir:${ws}/.git"]\n\tpath = ${runnerTemp}/git-credentials-1.config\n`,
    );
    writeFileSync(join(ws, '.git', 'modules', 'libs', 'x', 'config'), extraheader('submodule-token-value'));
    // A nested checkout (actions/checkout with path:), as a worktree whose .git is a file.
    const nested = join(ws, 'app', 'src');
    mkdirSync(nested, { recursive: true });
    const gitdir = join(ws, 'wt-gitdir');
    mkdirSync(gitdir);
    writeFileSync(join(gitdir, 'config'), extraheader('nested-token-value'));
    writeFileSync(join(ws, 'app', '.git'), `gitdir: ${gitdir}\n`);

    const found = checkoutCredentials(nested, ws);
    for (const t of ['included-token-value', 'submodule-token-value', 'nested-token-value'])
      assert.ok(found.includes(t), `found ${t}`);
    assert.ok(
      runnerSecrets({ env: {}, token: 'the-input-token', root: nested, workspace: ws }).includes(
        'the-input-token',
      ),
    );
    assert.deepEqual(checkoutCredentials(tempDir(), tempDir()), [], 'no checkout, no credential');
  });
});

describe('the build context is staged without .git', () => {
  test('every .git is left out; .dockerignore, symlinks and the Dockerfile keep their places; remove cleans up', async () => {
    const ctx = tempDir();
    mkdirSync(join(ctx, '.git'));
    writeFileSync(join(ctx, '.git', 'config'), extraheader(TOKEN));
    mkdirSync(join(ctx, 'vendor', 'lib', '.git'), { recursive: true });
    writeFileSync(join(ctx, 'vendor', 'lib', '.git', 'config'), 'x');
    writeFileSync(join(ctx, 'vendor', 'sub.git'), 'kept: only .git itself is left out');
    mkdirSync(join(ctx, 'sub'));
    writeFileSync(join(ctx, 'sub', '.git'), 'gitdir: ../.git/modules/sub\n');
    writeFileSync(join(ctx, '.dockerignore'), 'secret.txt\n');
    writeFileSync(join(ctx, 'secret.txt'), 'left to .dockerignore');
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(ctx, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    symlinkSync('../outside', join(ctx, 'link'));

    const temp = tempDir();
    const staged = await stageBuildContext(ctx, join(ctx, 'Dockerfile'), temp);
    const c = staged.context;
    assert.equal(staged.dockerfile, join(c, 'Dockerfile'));
    assert.ok(!existsSync(join(c, '.git')) && !existsSync(join(c, 'vendor', 'lib', '.git')));
    assert.ok(!existsSync(join(c, 'sub', '.git')));
    assert.equal(readFileSync(join(c, 'vendor', 'sub.git'), 'utf8'), 'kept: only .git itself is left out');
    assert.equal(readFileSync(join(c, '.dockerignore'), 'utf8'), 'secret.txt\n');
    assert.ok(existsSync(join(c, 'secret.txt')), '.dockerignore is the builder’s to apply');
    assert.equal(readlinkSync(join(c, 'link')), '../outside');
    assert.ok(realpathSync(c).startsWith(realpathSync(temp)));
    await staged.remove();
    assert.ok(!existsSync(c));
  });

  test('a Dockerfile outside the context stays where it is; a temp dir inside the context is not copied into itself', async () => {
    const ws = tempDir();
    mkdirSync(join(ws, 'docker'));
    writeFileSync(join(ws, 'docker', 'Dockerfile'), 'FROM scratch\n');
    mkdirSync(join(ws, 'app'));
    writeFileSync(join(ws, 'app', 'manage.py'), '');
    const staged = await stageBuildContext(
      join(ws, 'app'),
      join(ws, 'docker', 'Dockerfile'),
      join(ws, 'app', 'tmp'),
    );
    assert.equal(staged.dockerfile, join(ws, 'docker', 'Dockerfile'));
    assert.ok(existsSync(join(staged.context, 'manage.py')));
    assert.deepEqual(readdirSync(join(staged.context, 'tmp')), [], 'the staged copy is not in itself');
    await staged.remove();
  });

  test('a context that does not exist stages as an empty directory', async () => {
    const staged = await stageBuildContext('/nonexistent/ctx', '/nonexistent/ctx/Dockerfile', tempDir());
    assert.ok(existsSync(staged.context));
    await staged.remove();
  });
});

describe('the docker CLI environment', () => {
  test('only the docker client’s variables and what the command is given', () => {
    const env = dockerClientEnv(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        DOCKER_HOST: 'unix:///run/docker.sock',
        DOCKER_CONFIG: '/home/runner/.docker',
        GITHUB_TOKEN: TOKEN,
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        DOCKER_PASSWORD: 'a workflow secret',
        SECRET_KEY: 'x',
      },
      { SECRET_KEY: 'generated' },
    );
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      HOME: '/home/runner',
      DOCKER_HOST: 'unix:///run/docker.sock',
      DOCKER_CONFIG: '/home/runner/.docker',
      SECRET_KEY: 'generated',
    });
  });

  test('the spawned CLI does not inherit the runner’s tokens (a bare -e GITHUB_TOKEN would have nothing to take)', async () => {
    const saved = {
      GITHUB_TOKEN: process.env.GITHUB_TOKEN,
      ACTIONS_RUNTIME_TOKEN: process.env.ACTIONS_RUNTIME_TOKEN,
    };
    process.env.GITHUB_TOKEN = TOKEN;
    process.env.ACTIONS_RUNTIME_TOKEN = 'runtime-token-value';
    try {
      // `env` stands in for the docker binary: it prints the environment it was started with.
      const r = await createDockerCli('env').exec([], { env: { GIVEN: 'yes' } });
      assert.equal(r.exitCode, 0, r.stderr);
      assert.match(r.stdout, /^GIVEN=yes$/m);
      assert.match(r.stdout, /^PATH=/m);
      assert.ok(!r.stdout.includes(TOKEN) && !r.stdout.includes('runtime-token-value'));
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});

describe('a compose name without a value', () => {
  test('never becomes a bare --build-arg NAME or -e NAME the docker CLI would fill from its own environment', async () => {
    const bare = (name: string): ComposeEnvEntry => ({
      file: 'compose.yaml',
      line: 4,
      name,
      interpolated: false,
      source: 'environment',
    });
    const service: ComposeService = {
      file: 'compose.yaml',
      line: 2,
      name: 'web',
      build: {
        file: 'compose.yaml',
        line: 3,
        context: '.',
        dockerfile: 'Dockerfile',
        args: { GITHUB_TOKEN: undefined, HOME: undefined, GIVEN: 'yes' },
      },
      environment: [bare('GITHUB_TOKEN'), bare('ACTIONS_RUNTIME_TOKEN'), bare('PATH')],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: 'app',
    };
    const app = appModel({
      compose: { files: ['compose.yaml'], services: [service], appService: service, volumes: [] },
    });
    const docker = new FakeDocker();
    await runSmoke(
      projectOf(app),
      { runId: 'r1', handleSignals: false, http: async () => ({ status: 200 }), sleep: docker.sleep },
      docker,
    );
    const build = docker.calls.find((c) => c.args[0] === 'build')!;
    const buildArgs = build.args.flatMap((a, i) => (build.args[i - 1] === '--build-arg' ? [a] : []));
    assert.deepEqual(buildArgs, ['GIVEN=yes']);
    let containers = 0;
    for (const call of docker.calls) {
      call.args.forEach((a, i) => {
        if (call.args[i - 1] !== '-e' || a.includes('=')) return;
        containers++;
        assert.ok(
          call.opts?.env && a in call.opts.env,
          `-e ${a} of \`docker ${call.args[0]}\` has its value given`,
        );
        assert.ok(!['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'PATH'].includes(a), `-e ${a}`);
      });
    }
    assert.ok(containers > 0, 'containers got their environment by -e NAME');
  });
});
