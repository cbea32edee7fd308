// Smoke-test benchmark: for examples/production, the wall time of the whole smoke run beside a plain shell script
// doing the minimum by hand (build, both engines, one HTTP request each), measured in the same run, plus each
// engine alone to measure how well the two engines overlap. Prints the figures.
// Usage: npm run bench:smoke [-- DIR]   (needs Docker and the local test images: bash scripts/setup-docker.sh)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { register } from 'tsx/esm/api';

register();
const root = resolve(import.meta.dirname, '..');
const { analyzeStatic } = await import('../src/pipeline.ts');
const { DEFAULT_CONFIG } = await import('../src/config.ts');
const { createDockerCli, runSmoke, newRunId } = await import('../src/smoke/index.ts');

const BASE_IMAGE = 'tfr-test/django-base:bookworm';
const POSTGRES_IMAGE = process.env.TFR_POSTGRES_IMAGE || 'tfr-test/postgres:15';
const fallback = join(root, '__tests__/fixtures/smoke/production');
const dir = resolve(
  process.argv[2] ?? (existsSync(join(root, 'examples/production')) ? 'examples/production' : fallback),
);

const { project: analysed } = await analyzeStatic(dir, DEFAULT_CONFIG);
const project = analysed.apps.some((a) => a.dockerfile)
  ? analysed
  : {
      root: dir,
      apps: [
        {
          dir: '.',
          managePy: 'manage.py',
          dockerfile: { file: 'Dockerfile', stages: [], builtStages: [], globalArgs: [] },
          requirements: [],
          entrypointScripts: [],
        },
      ],
      parseErrors: [],
      suppressions: [],
      suppressionProblems: [],
    };

// Records when each engine's first and last docker command ran, to measure their overlap.
function timedDocker() {
  const inner = createDockerCli();
  const spans = {};
  return {
    spans,
    async exec(args, opts) {
      const t0 = performance.now();
      const r = await inner.exec(args, opts);
      const t1 = performance.now();
      const engine = args.find((a) => /-(sqlite|postgres)-/.test(a))?.match(/-(sqlite|postgres)-/)?.[1];
      if (engine) {
        const s = (spans[engine] ??= { start: t0, end: t1 });
        s.start = Math.min(s.start, t0);
        s.end = Math.max(s.end, t1);
      }
      return r;
    },
  };
}

async function smoke(engines) {
  const docker = timedDocker();
  const t0 = performance.now();
  const { result } = await runSmoke(
    project,
    {
      runId: newRunId(),
      engines,
      postgresImage: POSTGRES_IMAGE,
      buildArgs: { BASE_IMAGE },
      handleSignals: true,
    },
    docker,
  );
  const wall = performance.now() - t0;
  for (const r of Object.values(result.engines))
    if (r.status !== 'passed') console.log(`  ${r.engine}: ${r.reason}`);
  const statuses = Object.entries(result.engines)
    .map(([e, r]) => `${e}=${r.status}`)
    .join(' ');
  return { wall, spans: docker.spans, statuses, build: result.build?.durationMs ?? 0 };
}

// The plain script: what someone would type to check the same image on both engines, nothing more.
const plain = String.raw`
set -eu
id=bench$$
trap 'docker rm -f $id-web-sqlite $id-web-pg $id-db >/dev/null 2>&1 || true; docker network rm $id-net >/dev/null 2>&1 || true; docker image rm -f $id-app >/dev/null 2>&1 || true' EXIT
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE_IMAGE=${BASE_IMAGE} -t $id-app "$DIR" >/dev/null
docker network create $id-net >/dev/null
docker run -d --name $id-db --network $id-net -e POSTGRES_PASSWORD=pw -e POSTGRES_USER=app -e POSTGRES_DB=app ${POSTGRES_IMAGE} >/dev/null
until docker exec $id-db pg_isready -h 127.0.0.1 -U app >/dev/null 2>&1; do sleep 0.25; done
wait_http() { until curl -s -o /dev/null "http://127.0.0.1:$(docker port $1 8000/tcp | head -1 | cut -d: -f2)/"; do sleep 0.25; done; }
docker run -d --name $id-web-sqlite -e DB_ENGINE=sqlite -e SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key -e ALLOWED_HOSTS='*' -p 127.0.0.1::8000 $id-app >/dev/null
wait_http $id-web-sqlite
docker run -d --name $id-web-pg --network $id-net -e DB_ENGINE=postgres -e DB_HOST=$id-db -e DB_NAME=app -e DB_USER=app -e DB_PASSWORD=pw -e SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key -e ALLOWED_HOSTS='*' -p 127.0.0.1::8000 $id-app >/dev/null
wait_http $id-web-pg
`;

function runPlain() {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', plain], {
    env: { ...process.env, DIR: dir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`the plain script failed (exit ${r.status})`);
  return performance.now() - t0;
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
execFileSync('docker', ['info'], { stdio: 'ignore' });
console.log(`bench:smoke on ${dir}`);
// Warm the build cache once so every measured run builds from the same cache state.
runPlain();
const plainMs = runPlain();
const both = await smoke(['sqlite', 'postgres']);
const sqliteAlone = await smoke(['sqlite']);
const postgresAlone = await smoke(['postgres']);

const sp = both.spans;
const overlapMs =
  sp.sqlite && sp.postgres
    ? Math.max(0, Math.min(sp.sqlite.end, sp.postgres.end) - Math.max(sp.sqlite.start, sp.postgres.start))
    : 0;
const shorter =
  sp.sqlite && sp.postgres
    ? Math.min(sp.sqlite.end - sp.sqlite.start, sp.postgres.end - sp.postgres.start)
    : 1;
const slowerAlone = Math.max(sqliteAlone.wall, postgresAlone.wall);

const rows = [
  ['plain script (build, both engines, one HTTP request each)', s(plainMs)],
  [`smoke run, both engines (${both.statuses})`, s(both.wall)],
  ['  of which build', s(both.build)],
  [`smoke run, sqlite alone (${sqliteAlone.statuses})`, s(sqliteAlone.wall)],
  [`smoke run, postgres alone (${postgresAlone.statuses})`, s(postgresAlone.wall)],
  ['engines overlap (concurrent time / shorter engine)', `${((overlapMs / shorter) * 100).toFixed(0)} %`],
  ['smoke / plain script (budget ≤ 1.25)', (both.wall / plainMs).toFixed(2)],
  ['both engines / slower engine alone (budget < 1.3)', (both.wall / slowerAlone).toFixed(2)],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
