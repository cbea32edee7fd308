import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSmoke } from '../../src/smoke/index.js';
import type { HttpProbe } from '../../src/smoke/http.js';
import { appModel, FakeDocker, isOneOff, ok, projectOf, released } from './smoke-fake.js';

const DIGEST = `sha256:${'ef'.repeat(32)}`;
const TCP = [
  '  sl  local_address rem_address   st',
  '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1',
].join('\n');

/** The app of the scripted runs, built FROM `${BASE}` with BASE given as a build arg. */
function project() {
  const app = appModel();
  const stage = app.dockerfile!.targetStage!;
  stage.from = { line: 2, endLine: 2, raw: '${BASE}', image: 'python:latest', scratch: false };
  app.dockerfile!.globalArgs = [
    { keyword: 'ARG', name: 'BASE', default: 'python:latest', line: 1, endLine: 1 },
  ];
  app.dockerfile!.stages = [stage];
  return projectOf(app);
}

function scripted(): FakeDocker {
  return new FakeDocker()
    .on((a) => isOneOff(a, 'facts'), ok('tfr-packages:{"Django": "5.1.4", "gunicorn": "23.0.0"}\n'))
    .on(
      (a) => a[0] === 'image' && a[1] === 'inspect' && a.at(-1) === 'python:3.12',
      ok(JSON.stringify({ Id: 'sha256:1', RepoDigests: [`python@${DIGEST}`] })),
    )
    .on(
      (a) => isOneOff(a, 'release') && a.includes('tfr-r1-sqlite-net'),
      (a, o) => released(a, o, { write: ok('tfr-written\ntfr-sqlite-file:/data/db.sqlite3\n') }),
    )
    .on((a) => a[0] === 'exec' && a.includes('/proc/net/tcp'), ok(TCP))
    .on((a) => a[0] === 'inspect' && a.includes('{{json .State}}'), ok(JSON.stringify({ Running: true })));
}

const run = (docker: FakeDocker, http: HttpProbe) =>
  runSmoke(
    project(),
    {
      runId: 'r1',
      handleSignals: false,
      http,
      sleep: docker.sleep,
      now: docker.now,
      buildArgs: { BASE: 'python:3.12' },
      startTimeoutMs: 1000,
    },
    docker,
  );

test('the smoke run reads what the fixes need: packages offline, the base image as built, the port, the SQLite file', async () => {
  const docker = scripted();
  const { facts } = await run(docker, async () => ({ status: 200 }));
  assert.deepEqual(facts, {
    installed: { django: '5.1.4', gunicorn: '23.0.0' },
    baseImage: { ref: 'python:3.12', id: 'sha256:1', digest: DIGEST },
    port: 8000,
    sqliteDir: '/data',
  });
  const packages = docker.calls.find((c) => isOneOff(c.args, 'facts'))!;
  const flags = packages.args.join(' ');
  assert.match(flags, /--network none/);
  assert.match(flags, /--label twelve-factor-review\.run=r1/);
  assert.match(flags, /--pids-limit \d+ --memory \d+/);
  assert.deepEqual(docker.leftovers(), []);
});

test('a server that never answers: the port it listens on is read from /proc/net/tcp of its container', async () => {
  const docker = scripted();
  const { facts } = await run(docker, async () => ({ error: 'connection refused' }));
  assert.equal(facts?.port, 8080);
});
