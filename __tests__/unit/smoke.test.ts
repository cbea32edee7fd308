import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runSmoke, type SmokeOptions } from '../../src/smoke/index.js';
import type { HttpProbe } from '../../src/smoke/http.js';
import type { ComposeService } from '../../src/model/types/compose.js';
import {
  appModel,
  fail,
  FakeDocker,
  isOneOff,
  isReadBack,
  ok,
  projectOf,
  released,
  settingsModel,
} from './smoke-fake.js';

let counter = 0;
const random = (bytes: number) => {
  counter++;
  return (counter.toString(16).padStart(4, '0') + 'abcdef0123456789'.repeat(8)).slice(0, bytes * 2);
};

async function smoke(
  docker: FakeDocker,
  opts: Partial<SmokeOptions> = {},
  http: HttpProbe = async () => ({ status: 200 }),
  project = projectOf(),
) {
  const secrets: string[] = [];
  const lines: string[] = [];
  const out = await runSmoke(
    project,
    {
      runId: 'r1',
      handleSignals: false,
      http,
      random,
      sleep: docker.sleep,
      now: docker.now,
      onSecret: (s) => secrets.push(s),
      ...opts,
    },
    docker,
    { info: (m) => lines.push(m) },
  );
  return { ...out, secrets, lines };
}

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();
const stepStatuses = (steps: { name: string; status: string }[]) =>
  Object.fromEntries(steps.map((s) => [s.name, s.status]));

describe('smoke orchestration (scripted Docker)', () => {
  test('a healthy app passes both engines with no findings, and everything is removed', async () => {
    const docker = new FakeDocker();
    const { result, findings, secrets } = await smoke(docker);
    assert.deepEqual(ids(findings), []);
    assert.equal(result.status, 'passed');
    assert.equal(result.build?.status, 'passed');
    assert.deepEqual(stepStatuses(result.engines.sqlite!.steps), {
      migrate: 'passed',
      start: 'passed',
      http: 'passed',
      stop: 'passed',
      persist: 'passed',
      'check-deploy': 'passed',
    });
    assert.deepEqual(stepStatuses(result.engines.postgres!.steps), {
      database: 'passed',
      migrate: 'passed',
      start: 'passed',
      http: 'passed',
      stop: 'passed',
      persist: 'passed',
      tables: 'passed',
      'check-deploy': 'passed',
    });
    assert.deepEqual(docker.leftovers(), []);
    // Everything created carries the run label and a tfr-<runId>- name.
    for (const c of docker.calls.filter(
      (c) =>
        (['run', 'network', 'volume'].includes(c.args[0]) && c.args.includes('create')) ||
        c.args[0] === 'run',
    )) {
      assert.ok(c.args.includes('twelve-factor-review.run=r1'), c.args.join(' '));
    }
    // The password is passed through the CLI's environment, never on the command line, and handed to onSecret.
    const pgRun = docker.calls.find((c) => c.args[0] === 'run' && c.args.includes('POSTGRES_PASSWORD'))!;
    const password = pgRun.opts!.env!.POSTGRES_PASSWORD;
    assert.ok(secrets.includes(password));
    for (const c of docker.calls) assert.ok(!c.args.join(' ').includes(password));
    assert.ok(!JSON.stringify(result).includes(password));
    // The app gets the database through variables.
    const migrate = docker.calls.find(
      (c) => isOneOff(c.args, 'release') && c.args.includes('tfr-r1-postgres-net'),
    )!;
    assert.equal(migrate.opts!.env!.DB_ENGINE, 'postgres');
    assert.equal(migrate.opts!.env!.DB_HOST, 'tfr-r1-postgres-db');
    assert.equal(migrate.opts!.env!.DB_PASSWORD, password);
    // One one-off runs check --deploy, then migrate once PostgreSQL is ready (its gate), then the probe write.
    const steps = JSON.parse(migrate.args[migrate.args.length - 1]) as { argv: string[]; gate?: boolean }[];
    assert.deepEqual(
      steps.map((st) => st.argv.slice(0, 2)),
      [
        ['check', '--deploy'],
        ['migrate', '--noinput'],
        ['shell', '-c'],
      ],
    );
    assert.equal(steps[1].gate, true);
    assert.equal(migrate.opts!.input, 'go\n');
    assert.ok(migrate.args.includes('-i'));
    const sqliteMigrate = docker.calls.find(
      (c) => isOneOff(c.args, 'release') && c.args.includes('tfr-r1-sqlite-net'),
    )!;
    assert.ok(!sqliteMigrate.args.includes('-i'));
    assert.equal(sqliteMigrate.opts!.env!.DB_ENGINE, 'sqlite');
    assert.equal(sqliteMigrate.opts!.env!.DB_HOST, undefined);
    assert.ok(sqliteMigrate.args.includes('tfr-r1-sqlite-vol-1:/data'));
    // The server is published on loopback only, with a random host port.
    const web = docker.calls.find((c) => c.args[0] === 'run' && c.args.includes('tfr-r1-sqlite-web-1'))!;
    assert.ok(web.args.join(' ').includes('-p 127.0.0.1::8000'));
    // Classic builder when buildx is missing, with the build args on top.
    const build = docker.calls.find((c) => c.args[0] === 'build')!;
    assert.ok(build.args.includes('--force-rm'));
  });

  test('the cleanup line counts what each engine removed as it ended and what the final cleanup removed', async () => {
    const docker = new FakeDocker();
    const lines: string[] = [];
    await runSmoke(
      projectOf(),
      { runId: 'r1', handleSignals: false, http: async () => ({ status: 200 }), random, sleep: docker.sleep },
      docker,
      { info: (m) => lines.push(m) },
    );
    assert.deepEqual(docker.leftovers(), []);
    assert.ok(
      lines.includes('Cleanup: removed 5 container(s), 2 network(s), 2 volume(s), 1 image(s).'),
      lines.join('\n'),
    );
  });

  test('a failed build is TF0502 at the failing instruction, with the log tail; engines are skipped', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'build',
      fail(
        "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
        1,
        'Step 1/4 : FROM base\nStep 2/4 : RUN exit 3\n',
      ),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0502']);
    assert.equal(findings[0].file, 'Dockerfile');
    assert.match(findings[0].message, /RUN exit 3/);
    assert.match(findings[0].details!, /non-zero code: 3/);
    assert.equal(result.status, 'failed');
    assert.equal(result.build?.status, 'failed');
    assert.equal(result.engines.sqlite?.status, 'skipped');
    assert.equal(result.engines.postgres?.status, 'skipped');
    assert.deepEqual(docker.leftovers(), []);
  });

  test("a failed classic build's own layers are removed newest first, never pruned; cached layers stay", async () => {
    let attempts = 0;
    const log = [
      'Step 1/5 : FROM base',
      ' ---> d1cd1284f8ff',
      'Step 2/5 : COPY requirements.txt .',
      ' ---> 0a1b2c3d4e5f',
      'Step 3/5 : RUN pip install -r requirements.txt',
      ' ---> Using cache',
      ' ---> 1b2c3d4e5f60',
      'Step 4/5 : RUN echo ours',
      ' ---> Running in 8e7d6c5b4a39',
      'Removing intermediate container 8e7d6c5b4a39',
      ' ---> 2c3d4e5f6071',
      'Step 5/5 : RUN exit 3',
      ' ---> Running in 9f8e7d6c5b4a',
    ].join('\n');
    const docker = new FakeDocker()
      .on((a) => a[0] === 'build', fail('The command returned a non-zero code: 3', 1, log))
      .on(
        (a) => a[0] === 'image' && a[1] === 'inspect' && a.includes('{{.Id}} {{len .RepoTags}}'),
        ok('sha256:0a1b2c3d4e5faa 0\nsha256:2c3d4e5f6071aa 0\n'),
      )
      .on(
        (a) => a[0] === 'image' && a[1] === 'rm' && a.includes('2c3d4e5f6071'),
        () =>
          ++attempts < 3
            ? fail(
                'Error: conflict: unable to delete 2c3d (must be forced) - image is being used by stopped container 8e7d',
              )
            : ok(),
      );
    const { result } = await smoke(docker);
    assert.equal(result.build?.status, 'failed');
    assert.equal(attempts, 3);
    const inspected = docker.calls.find((c) => c.args.includes('{{.Id}} {{len .RepoTags}}'))!;
    assert.deepEqual(
      inspected.args.slice(4),
      ['0a1b2c3d4e5f', '2c3d4e5f6071'],
      'only the layers it committed',
    );
    const removed = docker.calls.filter((c) => c.args[0] === 'image' && c.args[1] === 'rm');
    assert.deepEqual(
      removed.map((c) => c.args.slice(2)),
      [
        ['--no-prune', '2c3d4e5f6071'],
        ['--no-prune', '2c3d4e5f6071'],
        ['--no-prune', '2c3d4e5f6071'],
        ['--no-prune', '0a1b2c3d4e5f'],
      ],
      'never the cached layer or the base, never forced, never pruning an untagged parent',
    );
    assert.ok(
      !docker.calls.some((c) => c.args.includes('dangling=true')),
      "no search among other builds' leaves",
    );
  });

  test('a classic build cut short: the step it was in is claimed only when committed from its container', async () => {
    const log = [
      'Step 1/3 : FROM base',
      ' ---> d1cd1284f8ff',
      'Step 2/3 : RUN echo ours',
      ' ---> Running in 8e7d6c5b4a39',
      ' ---> 2c3d4e5f6071',
      'Step 3/3 : RUN sleep 3600',
      ' ---> Running in 9f8e7d6c5b4a',
    ].join('\n');
    const docker = new FakeDocker()
      .on((a) => a[0] === 'build', { exitCode: 124, timedOut: true, stdout: log })
      .on((a) => a[0] === 'container' && a[1] === 'inspect', fail('No such container'))
      .on(
        (a) => a[0] === 'images' && a.includes('dangling=true'),
        ok('sha256:5555555555aaaa\nsha256:6666666666aaaa\nsha256:7777777777aaaa\n'),
      )
      .on(
        (a) =>
          a[0] === 'image' &&
          a[1] === 'inspect' &&
          a.includes('{{.Id}}|{{.Parent}}|{{.Container}}|{{.Created}}'),
        ok(
          [
            `sha256:5555555555aaaa|sha256:2c3d4e5f6071aa|9f8e7d6c5b4a${'0'.repeat(52)}|${new Date().toISOString()}`,
            `sha256:6666666666aaaa|sha256:2c3d4e5f6071aa|1234567890ab${'0'.repeat(52)}|${new Date().toISOString()}`,
            `sha256:7777777777aaaa|sha256:d1cd1284f8ffaa|9f8e7d6c5b4a${'0'.repeat(52)}|${new Date().toISOString()}`,
          ].join('\n'),
        ),
      )
      .on(
        (a) => a[0] === 'image' && a[1] === 'inspect' && a.includes('{{.Id}} {{len .RepoTags}}'),
        ok('sha256:2c3d4e5f6071aa 0\nsha256:5555555555aaaa 0\n'),
      );
    const { result } = await smoke(docker, { buildTimeoutMs: 1_000 });
    assert.equal(result.build?.status, 'failed');
    const removed = docker.calls.filter((c) => c.args[0] === 'image' && c.args[1] === 'rm');
    assert.deepEqual(
      removed.map((c) => c.args.slice(2)),
      [
        ['--no-prune', '5555555555aa'],
        ['--no-prune', '2c3d4e5f6071'],
      ],
    );
  });

  test('a classic build cut short in a COPY step: the one layer made since on its last layer is claimed, not two', async () => {
    const log = ['Step 1/3 : FROM base', ' ---> d1cd1284f8ff', 'Step 2/3 : COPY requirements.txt .', ''].join(
      '\n',
    );
    const now = new Date().toISOString();
    const run = async (dangling: string[]) => {
      const docker = new FakeDocker()
        .on((a) => a[0] === 'build', { exitCode: 124, timedOut: true, stdout: log })
        .on(
          (a) => a[0] === 'images' && a.includes('dangling=true'),
          ok(dangling.map((d) => d.split('|')[0]).join('\n')),
        )
        .on(
          (a) =>
            a[0] === 'image' &&
            a[1] === 'inspect' &&
            a.includes('{{.Id}}|{{.Parent}}|{{.Container}}|{{.Created}}'),
          ok(dangling.join('\n')),
        )
        .on(
          (a) => a[0] === 'image' && a[1] === 'inspect' && a.includes('{{.Id}} {{len .RepoTags}}'),
          (a) =>
            ok(
              a
                .slice(4)
                .map((id) => `sha256:${id}aa 0`)
                .join('\n'),
            ),
        );
      await smoke(docker, { buildTimeoutMs: 1_000 });
      return docker.calls
        .filter((c) => c.args[0] === 'image' && c.args[1] === 'rm')
        .map((c) => c.args.slice(2));
    };
    const ours = `sha256:5555555555aaaa|sha256:d1cd1284f8ffaa||${now}`;
    const older = 'sha256:7777777777aaaa|sha256:d1cd1284f8ffaa||2020-01-01T00:00:00Z';
    assert.deepEqual(await run([ours, older]), [['--no-prune', '5555555555aa']]);
    const another = `sha256:6666666666aaaa|sha256:d1cd1284f8ffaa||${now}`;
    assert.deepEqual(await run([ours, another]), [], 'two builds on the same layer: neither is guessed at');
  });

  test('a multi-stage classic build that succeeded leaves no layer of its own; a kept image keeps its own', async () => {
    const log = [
      'Step 1/5 : FROM base AS base',
      ' ---> d1cd1284f8ff',
      'Step 2/5 : COPY . /app',
      ' ---> 0a1b2c3d4e5f',
      'Step 3/5 : FROM base AS dev',
      ' ---> 0a1b2c3d4e5f',
      'Step 4/5 : CMD ["runserver"]',
      ' ---> Running in 8e7d6c5b4a39',
      ' ---> 2c3d4e5f6071',
      'Step 5/5 : CMD ["gunicorn"]',
      ' ---> Running in 7e7d6c5b4a39',
      ' ---> 3d4e5f607182',
      'Successfully built 3d4e5f607182',
    ].join('\n');
    const run = async (keepImage: boolean) => {
      const docker = new FakeDocker()
        .on((a) => a[0] === 'build', ok(log))
        .on(
          (a) => a[0] === 'image' && a[1] === 'history',
          ok('sha256:3d4e5f607182aa\nsha256:0a1b2c3d4e5faa\n'),
        )
        .on(
          (a) => a[0] === 'image' && a[1] === 'inspect' && a.includes('{{.Id}} {{len .RepoTags}}'),
          ok(
            `sha256:0a1b2c3d4e5faa 0\nsha256:2c3d4e5f6071aa 0\n${keepImage ? 'sha256:3d4e5f607182aa 1\n' : ''}`,
          ),
        );
      const { result } = await smoke(docker, { engines: ['sqlite'], keepImage });
      assert.equal(result.build?.status, 'passed');
      return docker.calls
        .filter((c) => c.args[0] === 'image' && c.args[1] === 'rm')
        .map((c) => c.args.slice(2));
    };
    assert.deepEqual(await run(false), [
      ['-f', '--no-prune', 'tfr-r1-app:latest'],
      ['--no-prune', '2c3d4e5f6071'],
      ['--no-prune', '0a1b2c3d4e5f'],
    ]);
    assert.deepEqual(
      await run(true),
      [['--no-prune', '2c3d4e5f6071']],
      'the kept image and what it builds on stay',
    );
  });

  test('every container gets the process, memory and CPU limits; PostgreSQL at least 512m; CPUs capped', async () => {
    const docker = new FakeDocker().on((a) => a[0] === 'info', ok('1\n'));
    await smoke(docker, { limits: { pids: 128, memoryBytes: 256 * 1024 ** 2, cpus: 1.5 } });
    const started = docker.calls.filter((c) => c.args[0] === 'run' || c.args[0] === 'create');
    assert.ok(started.length >= 6, 'servers, one-offs and PostgreSQL');
    const value = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
    for (const { args } of started) {
      const pg = args.includes('tfr-r1-postgres-db') && args.includes('-d');
      assert.equal(value(args, '--pids-limit'), '128', args.join(' '));
      assert.equal(value(args, '--memory'), String((pg ? 512 : 256) * 1024 ** 2), args.join(' '));
      assert.equal(value(args, '--memory-swap'), value(args, '--memory'), 'no swap on top');
      assert.equal(value(args, '--cpus'), '1', 'at most the engine has');
    }
    const build = docker.calls.find((c) => c.args[0] === 'build')!.args;
    assert.equal(value(build, '--memory'), String(256 * 1024 ** 2));
    assert.equal(value(build, '--cpu-quota'), '100000');
  });

  test('a server killed for using more memory than it may is reported as such', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'inspect',
      ok(JSON.stringify({ Running: false, ExitCode: 137, OOMKilled: true })),
    );
    const { result } = await smoke(docker, { engines: ['sqlite'] }, async () => ({
      error: 'connection refused',
    }));
    const http = result.engines.sqlite!.steps.find((s) => s.name === 'http');
    assert.equal(http?.status, 'failed');
    assert.match(
      http?.detail ?? '',
      /exited with code 137 \(killed for using more than the 1g of memory it may use/,
    );
  });

  test('buildx is used with --load when present', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'buildx' && a[1] === 'version',
      ok('github.com/docker/buildx v0.12'),
    );
    await smoke(docker, { buildArgs: { BASE_IMAGE: 'tfr-test/django-base:bookworm' } });
    const build = docker.calls.find((c) => c.args[0] === 'buildx' && c.args[1] === 'build')!;
    assert.ok(build.args.includes('--load'));
    assert.ok(build.args.includes('BASE_IMAGE=tfr-test/django-base:bookworm'));
  });

  test('migrate failing on PostgreSQL is TF1201 and TF1002; later postgres steps are skipped, SQLite passes', async () => {
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release') && a.includes('tfr-r1-postgres-net'),
      (a, o) =>
        released(a, o, {
          migrate: fail(
            'django.db.utils.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
          ),
        }),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF1002', 'TF1201']);
    const tf1002 = findings.find((f) => f.ruleId === 'TF1002')!;
    assert.equal(tf1002.file, 'mysite/settings.py');
    assert.equal(tf1002.line, 41);
    assert.match(tf1002.message, /migrate/);
    assert.equal(result.engines.postgres?.status, 'failed');
    assert.equal(result.engines.sqlite?.status, 'passed');
    const pgSteps = stepStatuses(result.engines.postgres!.steps);
    assert.equal(pgSteps.migrate, 'failed');
    for (const s of ['start', 'http', 'stop', 'persist', 'tables']) assert.equal(pgSteps[s], 'skipped');
    // check --deploy needs no database: it ran first and keeps its own result.
    assert.equal(pgSteps['check-deploy'], 'passed');
    assert.deepEqual(
      result.engines.postgres!.steps.map((s) => s.name),
      ['database', 'migrate', 'start', 'http', 'stop', 'persist', 'tables', 'check-deploy'],
    );
    assert.deepEqual(docker.leftovers(), []);
  });

  test('SQLite still needing a database server is TF0309 besides TF1201 and TF1001', async () => {
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release') && a.includes('tfr-r1-sqlite-net'),
      (a, o) =>
        released(a, o, {
          migrate: fail(
            'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known',
          ),
        }),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0309', 'TF1001', 'TF1201']);
    assert.equal(result.engines.sqlite?.status, 'failed');
    assert.equal(result.engines.postgres?.status, 'passed');
  });

  test('SQLite unable to write its file names the image user and the volume directory to chown', async () => {
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release') && a.includes('tfr-r1-sqlite-net'),
      (a, o) =>
        released(a, o, { migrate: fail('django.db.utils.OperationalError: unable to open database file') }),
    );
    docker.imageConfig = { ...docker.imageConfig, User: '10001' };
    const { findings } = await smoke(docker, { engines: ['sqlite'] });
    assert.deepEqual(ids(findings), ['TF1001', 'TF1201']);
    assert.match(
      findings.find((f) => f.ruleId === 'TF1201')!.message,
      /cannot be created or written by the user the image runs as \(USER 10001\): create its directory in the Dockerfile and `chown` it/,
    );
  });

  test('a server that never answers is TF0703 once for both engines, plus TF1001 and TF1002', async () => {
    const docker = new FakeDocker().on((a) => a[0] === 'inspect', ok('{"Running":true,"ExitCode":0}'));
    const { result, findings } = await smoke(docker, { startTimeoutMs: 5_000 }, async () => ({
      error: 'socket hang up',
    }));
    assert.deepEqual(ids(findings), ['TF0703', 'TF1001', 'TF1002']);
    const tf0703 = findings.find((f) => f.ruleId === 'TF0703')!;
    assert.equal(tf0703.line, 8);
    assert.match(tf0703.message, /\(sqlite and postgres\)/);
    assert.match(tf0703.message, /0\.0\.0\.0:8000/);
    assert.equal(stepStatuses(result.engines.sqlite!.steps).http, 'failed');
    assert.deepEqual(docker.leftovers(), []);
  });

  test('a server that exits before answering fails fast with its exit code', async () => {
    const docker = new FakeDocker().on((a) => a[0] === 'inspect', ok('{"Running":false,"ExitCode":3}'));
    const { result, findings } = await smoke(docker, {}, async () => ({ error: 'ECONNREFUSED' }));
    assert.ok(ids(findings).includes('TF0703'));
    assert.match(result.engines.sqlite!.steps.find((s) => s.name === 'http')!.detail!, /exited with code 3/);
    assert.ok(docker.clock < 60_000);
  });

  test('a start command the image lacks is no port problem, even when the container is gone only while the probe waits', async () => {
    const docker = new FakeDocker().on((a) => a[0] === 'inspect', ok('{"Running":false,"ExitCode":127}'));
    const { result, findings } = await smoke(docker, {}, async () => ({ error: 'ECONNREFUSED' }));
    assert.match(
      result.engines.sqlite!.steps.find((s) => s.name === 'http')!.detail!,
      /exited with code 127/,
    );
    assert.deepEqual(ids(findings), ['TF1001', 'TF1002']);
    for (const f of findings) assert.match(f.message, /does not exist in the image \(exit code 127\)/);
  });

  test('a first answer after the startup budget is TF0903', async () => {
    const docker = new FakeDocker().on((a) => a[0] === 'inspect', ok('{"Running":true,"ExitCode":0}'));
    let calls = 0;
    const { findings } = await smoke(docker, { startupBudgetMs: 1_000 }, async () => {
      calls++;
      return calls <= 12 ? { error: 'ECONNREFUSED' } : { status: 200 };
    });
    assert.deepEqual(ids(findings), ['TF0903']);
    assert.match(findings[0].message, /startup budget/);
  });

  test('a 5xx on /admin/login/ fails the engine; a 400 from ALLOWED_HOSTS and a 404 on / do not', async () => {
    const docker = new FakeDocker();
    const { result, findings } = await smoke(docker, { engines: ['sqlite'] }, async (_port, path) => ({
      status: path === '/admin/login/' ? 500 : 200,
    }));
    assert.deepEqual(ids(findings), ['TF1001']);
    assert.equal(result.engines.sqlite?.status, 'failed');
    assert.equal(result.engines.postgres, undefined);

    const docker2 = new FakeDocker();
    const second = await smoke(docker2, { engines: ['sqlite'] }, async (_port, path) => ({
      status: path === '/' ? 404 : 400,
    }));
    assert.deepEqual(ids(second.findings), []);
    const http = second.result.engines.sqlite!.steps.find((s) => s.name === 'http')!;
    assert.equal(http.status, 'passed');
    assert.match(http.detail!, /ALLOWED_HOSTS/);
    assert.match(http.detail!, /404/);
  });

  test('a record gone after the container is replaced is TF0604 at the SQLite path line', async () => {
    const docker = new FakeDocker().on((a) => isReadBack(a, 'sqlite'), ok('tfr-missing\n'));
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0604']);
    assert.equal(findings[0].line, 55);
    assert.equal(stepStatuses(result.engines.sqlite!.steps).persist, 'failed');
    assert.equal(result.engines.sqlite?.status, 'failed');
  });

  test('tables missing in the next container (migrated into a discarded file) are the same loss', async () => {
    const docker = new FakeDocker().on(
      (a) => isReadBack(a, 'sqlite'),
      fail('django.db.utils.OperationalError: no such table: auth_user'),
    );
    const { findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0604']);
    assert.match(findings[0].message, /no such table/);
  });

  test('a probe record that cannot be written for another reason skips the persist step', async () => {
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release'),
      (a, o) =>
        released(a, o, {
          write: fail(
            "RuntimeError: Model class django.contrib.auth.models.Permission doesn't declare an explicit app_label",
          ),
        }),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), []);
    assert.equal(stepStatuses(result.engines.sqlite!.steps).persist, 'skipped');
    assert.equal(result.engines.sqlite?.status, 'passed');
  });

  test('migrations missing from PostgreSQL are TF0309', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'exec' && a.includes('psql'),
      fail('ERROR:  relation "django_migrations" does not exist'),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0309']);
    assert.equal(findings[0].line, 41);
    assert.equal(stepStatuses(result.engines.postgres!.steps).tables, 'failed');
    assert.equal(result.engines.sqlite?.status, 'passed');
  });

  test('a stop ended by SIGKILL or over budget is TF0902', async () => {
    const docker = new FakeDocker()
      .on(
        (a) => a[0] === 'stop',
        (_a) => {
          docker.clock += 10_300;
          return ok();
        },
      )
      .on((a) => a[0] === 'inspect', ok('{"Running":false,"ExitCode":137,"OOMKilled":false}'));
    const { result, findings, lines } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF0902']);
    assert.match(findings[0].message, /SIGKILL/);
    // The log says what the result says: the engine's status once its findings are judged.
    assert.ok(
      lines.some((l) => l.startsWith('postgres: warnings (Stop: ')),
      lines.join('\n'),
    );
    assert.equal(stepStatuses(result.engines.postgres!.steps).stop, 'failed');
    // Only a warning found: the engines got through with warnings; the grace is just above the 5 s budget.
    assert.equal(result.engines.postgres!.status, 'warnings');
    assert.equal(result.status, 'warnings');
    assert.match(
      result.engines.sqlite!.reason!,
      /^Stop: Stopped in [\d.]+ s, exit code 137 \(SIGKILL after the 6 s grace period: SIGTERM was not handled\)\.$/,
    );
    assert.ok(docker.calls.some((c) => c.args.join(' ').startsWith('stop -t 6 ')));

    const slow = new FakeDocker().on(
      (a) => a[0] === 'stop',
      () => {
        slow.clock += 7_000;
        return ok();
      },
    );
    const second = await smoke(slow);
    assert.deepEqual(ids(second.findings), ['TF0902']);
    assert.match(second.findings[0].message, /shutdown budget/);
  });

  test('a graceful stop slowed by a busy machine is measured again on the replacement container', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'stop',
      (a) => {
        if (a[a.length - 1].endsWith('-web-1')) docker.clock += 6_000;
        return ok();
      },
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), []);
    assert.equal(stepStatuses(result.engines.sqlite!.steps).stop, 'passed');
    assert.ok(docker.calls.some((c) => c.args[0] === 'stop' && c.args.includes('tfr-r1-sqlite-web-2')));
  });

  test('check --deploy gives one TF1302 per check id, deduplicated across engines', async () => {
    const output = [
      'System check identified some issues:',
      '',
      'WARNINGS:',
      '?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting.',
      '?: (security.W008) Your SECURE_SSL_REDIRECT setting is not set to True.',
      '',
      'System check identified 2 issues (0 silenced).',
    ].join('\n');
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release'),
      (a, o) => released(a, o, { check: { stderr: output } }),
    );
    const { findings, result } = await smoke(docker);
    assert.deepEqual(ids(findings), ['TF1302', 'TF1302']);
    assert.equal(result.engines.sqlite!.status, 'warnings');
    assert.deepEqual(findings.map((f) => f.message.match(/security\.W\d+/)![0]).sort(), [
      'security.W004',
      'security.W008',
    ]);
    for (const f of findings) {
      assert.equal(f.file, 'mysite/settings.py');
      assert.equal(f.line, undefined);
      assert.ok(f.related.some((r) => r.startsWith('security.W')));
    }
  });

  test('secrets never reach log tails, details or messages', async () => {
    const docker = new FakeDocker().on(
      (a) => isOneOff(a, 'release') && a.includes('tfr-r1-postgres-net'),
      (a, opts) =>
        released(a, opts, {
          migrate: fail(
            `FATAL: password authentication failed for user with password ${opts!.env!.DB_PASSWORD} and key ${opts!.env!.SECRET_KEY}`,
          ),
        }),
    );
    const { result, findings, secrets } = await smoke(docker);
    const text = JSON.stringify({ result, findings });
    assert.ok(secrets.length >= 2);
    for (const s of secrets) assert.ok(!text.includes(s), 'a secret leaked');
    assert.match(text, /\*\*\*/);
  });

  test('cleanup runs when the whole run times out', async () => {
    // A release one-off that never returns.
    const hanging = new FakeDocker();
    const original = hanging.exec.bind(hanging);
    // Like the docker CLI, it ends when the run's abort signal kills it.
    hanging.exec = (args, opts) =>
      isOneOff(args, 'release')
        ? new Promise((resolve) =>
            opts?.signal?.addEventListener('abort', () => resolve(fail('killed', 137))),
          )
        : original(args, opts);
    // Long enough for the scripted steps before the hang to finish on a loaded machine; the hang outlasts it anyway.
    const { result } = await smoke(hanging, { timeoutMs: 1000 });
    assert.equal(result.status, 'failed');
    assert.match(result.reason!, /did not finish/);
    assert.equal(result.engines.sqlite?.status, 'failed');
    assert.match(result.engines.sqlite!.reason!, /did not finish/);
    assert.deepEqual(hanging.leftovers(), []);
  });

  test('a command killed mid-way that the daemon still carries out is removed by a second sweep', async () => {
    // The docker CLI is killed, but the daemon had the request: the network appears just after the first sweep listed.
    const late = new FakeDocker();
    const original = late.exec.bind(late);
    let killed = false;
    let appeared = false;
    late.exec = async (args, opts) => {
      if (isOneOff(args, 'release'))
        return new Promise((resolve) =>
          opts?.signal?.addEventListener('abort', () => {
            killed = true;
            resolve(fail('killed', 137));
          }),
        );
      const r = await original(args, opts);
      if (killed && !appeared && args[0] === 'network' && args[1] === 'ls') {
        appeared = true;
        late.networks.add('tfr-r1-late-net');
      }
      return r;
    };
    const { lines } = await smoke(late, { timeoutMs: 1000 });
    assert.ok(appeared);
    assert.deepEqual(late.leftovers(), []);
    assert.ok(
      lines.some((l) => /Cleanup: removed .* [1-9]\d* network/.test(l)),
      lines.join('\n'),
    );
  });

  test('an unexpected error in the orchestration still cleans up', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'volume' && a[1] === 'create',
      fail('no space left on device'),
    );
    const { result } = await smoke(docker);
    assert.equal(result.engines.sqlite?.status, 'failed');
    assert.match(result.engines.sqlite!.reason!, /no space left/);
    assert.deepEqual(docker.leftovers(), []);
  });

  test('PostgreSQL that does not start skips the postgres engine without blaming the app', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'run' && a.includes('postgres:16-alpine'),
      fail('Unable to find image postgres:16-alpine locally\nerror pulling image'),
    );
    const { result, findings } = await smoke(docker);
    assert.deepEqual(ids(findings), []);
    assert.equal(result.engines.postgres?.status, 'skipped');
    assert.equal(result.engines.sqlite?.status, 'passed');
  });

  test('PostgreSQL never ready: the release one-off stops after check --deploy, whose findings still count', async () => {
    const output = '?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting.';
    const docker = new FakeDocker()
      .on((a) => a[0] === 'exec' && a.includes('pg_isready'), fail('', 75))
      .on(
        (a) => isOneOff(a, 'release'),
        (a, o) => released(a, o, { check: { stderr: output } }),
      );
    const { result, findings } = await smoke(docker, { postgresReadyTimeoutMs: 1_000 });
    assert.equal(result.engines.postgres?.status, 'skipped');
    assert.match(result.engines.postgres!.reason!, /did not become ready \(pg_isready\) within 1\.0 s/);
    const pg = stepStatuses(result.engines.postgres!.steps);
    assert.equal(pg.database, 'failed');
    assert.equal(pg.migrate, 'skipped');
    assert.equal(pg['check-deploy'], 'passed');
    const release = docker.calls.find(
      (c) => isOneOff(c.args, 'release') && c.args.includes('tfr-r1-postgres-net'),
    )!;
    assert.equal(release.opts!.input, 'stop\n');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message.match(/security\.W\d+/)?.[0]]),
      [['TF1302', 'security.W004']],
    );
    assert.deepEqual(docker.leftovers(), []);
  });

  test('PostgreSQL readiness is one polling exec; an image without a shell is polled exec by exec', async () => {
    const docker = new FakeDocker();
    await smoke(docker, { engines: ['postgres'] });
    const polls = docker.calls.filter((c) => c.args[0] === 'exec' && c.args.includes('pg_isready'));
    assert.equal(polls.length, 1);
    assert.deepEqual(polls[0].args.slice(2, 4), ['sh', '-c']);

    let attempts = 0;
    const noShell = new FakeDocker()
      .on(
        (a) => a[0] === 'exec' && a.includes('sh') && a.includes('pg_isready'),
        fail('OCI runtime exec failed: exec: "sh": executable file not found in $PATH', 126),
      )
      .on((a) => a[0] === 'inspect', ok('{"Running":true,"ExitCode":0}'))
      .on(
        (a) => a[0] === 'exec' && a[2] === 'pg_isready',
        () => (++attempts < 3 ? fail('', 2) : ok()),
      );
    const second = await smoke(noShell, { engines: ['postgres'] });
    assert.equal(attempts, 3);
    assert.equal(stepStatuses(second.result.engines.postgres!.steps).database, 'passed');
  });

  test('the replacement is created ahead, started once the first server answers, and read in before it', async () => {
    const docker = new FakeDocker();
    await smoke(docker, { engines: ['sqlite'] });
    const at = (pred: (a: string[]) => boolean) => docker.calls.findIndex((c) => pred(c.args));
    const created = at((a) => a[0] === 'create' && a.includes('tfr-r1-sqlite-web-2'));
    const started = at((a) => a[0] === 'start' && a.includes('tfr-r1-sqlite-web-2'));
    const stopped = at((a) => a[0] === 'stop' && a.includes('tfr-r1-sqlite-web-1'));
    const firstAnswer = at((a) => a[0] === 'port' && a.includes('tfr-r1-sqlite-web-1'));
    assert.ok(firstAnswer < created && created < started && started < stopped, 'create, start, then stop');
    assert.ok(at((a) => isReadBack(a, 'sqlite')) > started, 'read back once the replacement runs');
    const read = docker.calls.find((c) => isReadBack(c.args, 'sqlite'))!;
    assert.deepEqual(read.args.slice(0, 4), ['exec', '-w', '/app', 'tfr-r1-sqlite-web-2']);
  });

  test('the record is read back by a one-off when the replacement is not running', async () => {
    const docker = new FakeDocker().on(
      (a) => a[0] === 'exec' && a.includes('shell'),
      fail('Error response from daemon: Container 0123 is not running', 1),
    );
    const { result, findings } = await smoke(docker, { engines: ['sqlite'] });
    assert.deepEqual(ids(findings), []);
    const persist = result.engines.sqlite!.steps.find((s) => s.name === 'persist')!;
    assert.equal(persist.status, 'passed');
    assert.match(persist.detail!, /next one-off/);
    assert.ok(docker.calls.some((c) => isOneOff(c.args, 'read')));

    // Stopped while the record was read: the exec is cut short, and a one-off reads instead.
    const stopped = new FakeDocker().on((a) => a[0] === 'exec' && a.includes('shell'), fail('', 137));
    const second = await smoke(stopped, { engines: ['sqlite'] });
    assert.equal(stepStatuses(second.result.engines.sqlite!.steps).persist, 'passed');
    assert.ok(stopped.calls.some((c) => isOneOff(c.args, 'read')));
  });

  test('a wrapper entrypoint runs the read-back too, as it runs every one-off', async () => {
    const docker = new FakeDocker();
    docker.imageConfig = { ...docker.imageConfig, Entrypoint: ['/docker-entrypoint.sh'] };
    await smoke(docker, { engines: ['sqlite'] });
    const read = docker.calls.find((c) => isReadBack(c.args, 'sqlite'))!;
    assert.deepEqual(read.args.slice(3, 6), ['tfr-r1-sqlite-web-2', '/docker-entrypoint.sh', 'sh']);
  });

  test('behind a wrapper script the release waits for PostgreSQL; behind an init it starts at once, gated', async () => {
    const gated = async (entrypoint: string[]) => {
      const docker = new FakeDocker();
      docker.imageConfig = { ...docker.imageConfig, Entrypoint: entrypoint };
      const { result } = await smoke(docker, { engines: ['postgres'] });
      assert.equal(result.engines.postgres?.status, 'passed');
      const release = docker.calls.find((c) => isOneOff(c.args, 'release'))!;
      const steps = JSON.parse(release.args[release.args.length - 1]) as { gate?: boolean }[];
      return { i: release.args.includes('-i'), gate: steps.some((st) => st.gate) };
    };
    assert.deepEqual(await gated(['/usr/local/bin/docker-entrypoint.sh']), { i: false, gate: false });
    assert.deepEqual(await gated(['tini', '--']), { i: true, gate: true });
    assert.deepEqual(await gated([]), { i: true, gate: true });
  });

  test('a server started on $PORT gets PORT set to the port it is probed on, unless the image or user sets it', async () => {
    const serverEnv = async (config: Record<string, unknown>, options: Partial<SmokeOptions> = {}) => {
      const docker = new FakeDocker();
      docker.imageConfig = { ...docker.imageConfig, ExposedPorts: {}, ...config };
      await smoke(docker, { engines: ['sqlite'], ...options });
      const run = docker.calls.find((c) => c.args[0] === 'run' && c.args.includes('tfr-r1-sqlite-web-1'))!;
      return { PORT: run.opts!.env!.PORT, published: run.args[run.args.indexOf('-p') + 1] };
    };
    const shellForm = { Cmd: ['/bin/sh', '-c', 'gunicorn --bind 0.0.0.0:$PORT mysite.wsgi'] };
    assert.deepEqual(await serverEnv(shellForm), { PORT: '8000', published: '127.0.0.1::8000' });
    assert.deepEqual(await serverEnv({ ...shellForm, ExposedPorts: { '5000/tcp': {} } }), {
      PORT: '5000',
      published: '127.0.0.1::5000',
    });
    // The image's own PORT stands and is the port probed.
    assert.deepEqual(await serverEnv({ ...shellForm, Env: ['PORT=8080'] }), {
      PORT: undefined,
      published: '127.0.0.1::8080',
    });
    assert.deepEqual(await serverEnv(shellForm, { env: { sqlite: { PORT: '9000' } } }), {
      PORT: '9000',
      published: '127.0.0.1::9000',
    });
    // A server that does not read PORT gets none: gunicorn would otherwise bind 0.0.0.0 on its own.
    assert.deepEqual(await serverEnv({ Cmd: ['gunicorn', 'mysite.wsgi'] }), {
      PORT: undefined,
      published: '127.0.0.1::8000',
    });
  });

  test('the PostgreSQL image comes from the option, else the compose database service', async () => {
    const docker = new FakeDocker();
    await smoke(docker, { postgresImage: 'tfr-test/postgres:15' });
    assert.ok(docker.calls.some((c) => c.args[0] === 'run' && c.args.includes('tfr-test/postgres:15')));
  });

  test('a compose database built from a Dockerfile lends no image name: its image is never pulled or built here', async () => {
    const service = (name: string, image: string, build: boolean): ComposeService => ({
      name,
      file: 'compose.yaml',
      line: 1,
      image: {
        file: 'compose.yaml',
        line: 1,
        value: image,
        repository: image.split(':')[0],
        tag: image.split(':')[1],
      },
      ...(build
        ? { build: { file: 'compose.yaml', line: 2, context: '.', dockerfile: 'db/Dockerfile', args: {} } }
        : {}),
      environment: [],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: 'postgres',
    });
    const postgresRun = async (services: ComposeService[]) => {
      const docker = new FakeDocker();
      const compose = { files: ['compose.yaml'], services, volumes: [] };
      await smoke(docker, { engines: ['postgres'] }, undefined, projectOf(appModel({ compose })));
      return docker.calls.find((c) => c.args[0] === 'run' && c.args.includes('-d'))?.args ?? [];
    };
    assert.ok((await postgresRun([service('db', 'postgres:16', false)])).includes('postgres:16'));
    const built = await postgresRun([service('postgres', 'mysite_postgres', true)]);
    assert.ok(!built.includes('mysite_postgres') && built.includes('postgres:16-alpine'), built.join(' '));
  });

  test('without a Dockerfile there is nothing to run', async () => {
    const docker = new FakeDocker();
    const { result, findings } = await smoke(
      docker,
      {},
      undefined,
      projectOf(appModel({ dockerfile: undefined })),
    );
    assert.equal(result.status, 'skipped');
    assert.deepEqual(findings, []);
    assert.equal(docker.calls.length, 0);
  });

  test('variable names follow what the settings read (POSTGRES_HOST, DATABASE_URL), overrides win', async () => {
    const settings = settingsModel({
      envReads: [
        { variable: 'DJANGO_SECRET_KEY', line: 3, required: true, hasDefault: false },
        { variable: 'POSTGRES_HOST', line: 10, required: true, hasDefault: false },
        { variable: 'POSTGRES_PASSWORD', line: 11, required: true, hasDefault: false },
        { variable: 'DATABASE_URL', line: 12, required: false, hasDefault: true },
        { variable: 'DJANGO_ALLOWED_HOSTS', line: 13, required: false, hasDefault: true },
        { variable: 'SENTRY_DSN', line: 14, required: true, hasDefault: false },
      ],
      assignments: [],
    });
    const docker = new FakeDocker();
    await smoke(docker, { env: { postgres: { DEBUG: '1' } } }, undefined, projectOf(appModel({ settings })));
    const env = docker.calls.find(
      (c) => isOneOff(c.args, 'release') && c.args.includes('tfr-r1-postgres-net'),
    )!.opts!.env!;
    assert.equal(env.POSTGRES_HOST, 'tfr-r1-postgres-db');
    assert.equal(env.POSTGRES_PASSWORD, env.DB_PASSWORD);
    assert.match(env.DATABASE_URL, /^postgres:\/\/tfr_\w+:\w+@tfr-r1-postgres-db:5432\/tfr_\w+$/);
    assert.equal(env.DJANGO_ALLOWED_HOSTS, '*');
    assert.ok(env.DJANGO_SECRET_KEY.length >= 50);
    assert.ok(env.SENTRY_DSN);
    assert.equal(env.DEBUG, '1');
    const sqliteEnv = docker.calls.find(
      (c) => isOneOff(c.args, 'release') && c.args.includes('tfr-r1-sqlite-net'),
    )!.opts!.env!;
    assert.equal(sqliteEnv.DATABASE_URL, undefined);
    assert.equal(sqliteEnv.DEBUG, undefined);
  });
});
