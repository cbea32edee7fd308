// Smoke-test benchmark: for examples/production, the wall time of the whole smoke run beside a plain shell script
// doing the minimum by hand (build, both engines, one HTTP request each), measured in the same run, plus each
// engine alone to measure how well the two engines overlap, and the plain script again with its database in memory as
// the smoke run keeps it. Prints the figures.
// Usage: npm run bench:smoke [-- DIR]   (needs Docker and the local test images: bash scripts/setup-docker.sh)
// The five runs alternate their order round after round (ROUNDS, default 3) and the figures are medians, printed
// with the load average: on a shared machine single runs vary by a factor of two. BENCH_STEPS=1 adds each engine's
// step durations, BENCH_TRACE=1 every docker command with its start and end times, BENCH_STOP=1 the stop of an app
// that ignores SIGTERM with today's grace against the former `docker stop -t 10`. Exits 1 if anything is left behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { register } from 'tsx/esm/api';

register();
const root = resolve(import.meta.dirname, '..');
const { analyzeStatic } = await import('../src/pipeline.ts');
const { DEFAULT_CONFIG } = await import('../src/config.ts');
const { createDockerCli, runSmoke, newRunId, RUN_LABEL } = await import('../src/smoke/index.ts');
const runIds = [];

const BASE_IMAGE = 'tfr-test/django-base:bookworm';
const POSTGRES_IMAGE = process.env.TFR_POSTGRES_IMAGE || 'tfr-test/postgres:15';
const dir = resolve(process.argv[2] ?? join(root, 'examples/production'));

const { project } = await analyzeStatic(dir, DEFAULT_CONFIG);
if (!project.apps.some((a) => a.dockerfile)) throw new Error(`no app with a Dockerfile found in ${dir}`);

// Records when each engine's first and last docker command ran, to measure their overlap; `stopGrace` replaces the
// grace of every `docker stop`, so the former timeout is measured without a knob in the product.
function timedDocker(stopGrace) {
  const inner = createDockerCli();
  const spans = {};
  const origin = performance.now();
  return {
    spans,
    async exec(args, opts) {
      if (stopGrace !== undefined && args[0] === 'stop' && args[1] === '-t')
        args = ['stop', '-t', String(stopGrace), ...args.slice(3)];
      const t0 = performance.now();
      const r = await inner.exec(args, opts);
      const t1 = performance.now();
      if (process.env.BENCH_TRACE)
        console.log(
          `    ${((t0 - origin) / 1000).toFixed(2)}–${((t1 - origin) / 1000).toFixed(2)} docker ${args
            .filter((a) => a.length < 40)
            .slice(0, 8)
            .join(' ')} → ${r.exitCode}`,
        );
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

async function smoke(engines, { of = project, stopGrace } = {}) {
  const docker = timedDocker(stopGrace);
  const runId = newRunId();
  runIds.push(runId);
  const t0 = performance.now();
  const { result } = await runSmoke(
    of,
    {
      runId,
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
  return { wall, spans: docker.spans, statuses, build: result.build?.durationMs ?? 0, result };
}

// The plain script: what someone would type to check the same image on both engines, nothing more.
const plain = String.raw`
set -eu
id=bench$$
trap 'docker rm -f -v $id-web-sqlite $id-web-pg $id-db >/dev/null 2>&1 || true; docker network rm $id-net >/dev/null 2>&1 || true; docker image rm -f $id-app >/dev/null 2>&1 || true' EXIT
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE_IMAGE=${BASE_IMAGE} -t $id-app "$DIR" >/dev/null
docker network create $id-net >/dev/null
docker run -d --name $id-db --network $id-net $DB_TMPFS -e POSTGRES_PASSWORD=pw -e POSTGRES_USER=app -e POSTGRES_DB=app ${POSTGRES_IMAGE} >/dev/null
until docker exec $id-db pg_isready -h 127.0.0.1 -U app >/dev/null 2>&1; do sleep 0.25; done
wait_http() { until curl -s -o /dev/null "http://127.0.0.1:$(docker port $1 8000/tcp | head -1 | cut -d: -f2)/"; do sleep 0.25; done; }
docker run -d --name $id-web-sqlite -e DB_ENGINE=sqlite -e SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key -e ALLOWED_HOSTS='*' -p 127.0.0.1::8000 $id-app >/dev/null
wait_http $id-web-sqlite
docker run -d --name $id-web-pg --network $id-net -e DB_ENGINE=postgres -e DB_HOST=$id-db -e DB_NAME=app -e DB_USER=app -e DB_PASSWORD=pw -e SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key -e ALLOWED_HOSTS='*' -p 127.0.0.1::8000 $id-app >/dev/null
wait_http $id-web-pg
`;

// The smoke run keeps its throwaway PostgreSQL's data in memory (tmpfs); the plain script is also timed doing so, to
// show how much of the difference that accounts for.
function runPlain(tmpfs = false) {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', plain], {
    env: { ...process.env, DIR: dir, DB_TMPFS: tmpfs ? '--tmpfs /var/lib/postgresql/data' : '' },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the plain script failed (exit ${r.status}):\n${r.stderr}`);
  return performance.now() - t0;
}

// CPU time the whole machine spent busy (user, nice, system, irq, softirq), in ms: on two cores the smoke run is bound
// by CPU as much as by waiting, so its cost shows here too.
const busyMs = () => {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return ((f[0] + f[1] + f[2] + f[5] + f[6]) * 1000) / 100;
};
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const load = () =>
  (spawnSync('uptime', [], { encoding: 'utf8' }).stdout.match(/load average: (.*)$/m)?.[1] ?? '?').trim();
execFileSync('docker', ['info'], { stdio: 'ignore' });
const rounds = Math.max(1, Number(process.env.ROUNDS ?? 3));
console.log(
  `bench:smoke on ${dir}, ${rounds} round(s); load average ${load()} on ${availableParallelism()} cores`,
);
// One unmeasured run first warms the page cache; every measured build then starts without a layer cache, as on a
// fresh runner, since each run removes its image and with it the layers it built.
runPlain();
const runs = { plain: [], plainTmpfs: [], both: [], sqlite: [], postgres: [] };
const measures = {
  plain: async () => ({ wall: runPlain() }),
  plainTmpfs: async () => ({ wall: runPlain(true) }),
  both: () => smoke(['sqlite', 'postgres']),
  sqlite: () => smoke(['sqlite']),
  postgres: () => smoke(['postgres']),
};
for (let round = 0; round < rounds; round++) {
  // Alternate the order each round so a machine getting busier or quieter does not favour one side.
  const order =
    round % 2 === 0
      ? ['plain', 'both', 'plainTmpfs', 'sqlite', 'postgres']
      : ['both', 'plain', 'postgres', 'plainTmpfs', 'sqlite'];
  for (const k of order) {
    const cpu0 = busyMs();
    const r = await measures[k]();
    runs[k].push({ ...r, cpu: busyMs() - cpu0 });
  }
  const last = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v[v.length - 1].wall]));
  console.log(
    `round ${round + 1}: plain ${s(last.plain)} (in-memory database ${s(last.plainTmpfs)}), smoke ${s(last.both)} (×${(last.both / last.plain).toFixed(2)}), sqlite ${s(last.sqlite)}, postgres ${s(last.postgres)} (both/slower ×${(last.both / Math.max(last.sqlite, last.postgres)).toFixed(2)}); load ${load()}`,
  );
}

const med = (k) => median(runs[k].map((r) => r.wall));
const plainMs = med('plain');
const bothMs = med('both');
const slowerAlone = Math.max(med('sqlite'), med('postgres'));
const overlaps = runs.both.map(({ spans: sp }) => {
  if (!sp.sqlite || !sp.postgres) return 0;
  const overlap = Math.max(
    0,
    Math.min(sp.sqlite.end, sp.postgres.end) - Math.max(sp.sqlite.start, sp.postgres.start),
  );
  return overlap / Math.min(sp.sqlite.end - sp.sqlite.start, sp.postgres.end - sp.postgres.start);
});
const statuses = [...new Set(runs.both.map((r) => r.statuses))].join(', ');

const rows = [
  ['plain script (build, both engines, one HTTP request each)', s(plainMs)],
  [`smoke run, both engines (${statuses})`, s(bothMs)],
  ['  of which build', s(median(runs.both.map((r) => r.build)))],
  [
    `smoke run, sqlite alone (${[...new Set(runs.sqlite.map((r) => r.statuses))].join(', ')})`,
    s(med('sqlite')),
  ],
  [
    `smoke run, postgres alone (${[...new Set(runs.postgres.map((r) => r.statuses))].join(', ')})`,
    s(med('postgres')),
  ],
  [
    'CPU time of the whole machine: plain script, smoke run, sqlite alone, postgres alone',
    ['plain', 'both', 'sqlite', 'postgres'].map((k) => s(median(runs[k].map((r) => r.cpu)))).join(', '),
  ],
  ['engines overlap (concurrent time / shorter engine)', `${(median(overlaps) * 100).toFixed(0)} %`],
  ['smoke / plain script (budget ≤ 1.25)', (bothMs / plainMs).toFixed(2)],
  [
    'smoke / plain script with its database in memory too',
    `${(bothMs / med('plainTmpfs')).toFixed(2)} (plain script ${s(med('plainTmpfs'))})`,
  ],
  ['both engines / slower engine alone (budget < 1.3)', (bothMs / slowerAlone).toFixed(2)],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`medians of ${rounds} round(s); load average now ${load()}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (process.env.BENCH_STEPS) {
  for (const r of runs.both)
    for (const [engine, e] of Object.entries(r.result.engines))
      console.log(`  ${engine}: ${e.steps.map((st) => `${st.name} ${s(st.durationMs)}`).join(', ')}`);
}
// An app whose server ignores SIGTERM, so both engines' stops end in SIGKILL: today's grace against the former 10 s.
if (process.env.BENCH_STOP) {
  const fixtures = join(root, '__tests__/fixtures/smoke');
  const app = mkdtempSync(join(tmpdir(), 'tfr-bench-sigterm-'));
  cpSync(join(fixtures, '_app'), app, { recursive: true });
  cpSync(join(fixtures, 'sigterm'), app, { recursive: true });
  const { project: sigterm } = await analyzeStatic(app, DEFAULT_CONFIG);
  const stops = { now: [], former: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['now', 'former'] : ['former', 'now'];
    for (const k of order) {
      const r = await smoke(['sqlite', 'postgres'], {
        of: sigterm,
        ...(k === 'former' ? { stopGrace: 10 } : {}),
      });
      stops[k].push(r.wall);
    }
    console.log(
      `stop round ${round + 1}: grace now ${s(stops.now.at(-1))}, former -t 10 ${s(stops.former.at(-1))}`,
    );
  }
  rmSync(app, { recursive: true, force: true });
  const saved = median(stops.former) - median(stops.now);
  console.log(
    `SIGTERM ignored on both engines: smoke run ${s(median(stops.now))} with the grace now, ${s(median(stops.former))} with -t 10 (${s(saved)} saved)`,
  );
}

// Nothing of the measured runs may be left behind.
const left = [];
for (const id of runIds)
  for (const args of [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
    ['image', 'ls', '-q'],
  ]) {
    const out = execFileSync('docker', [...args, '--filter', `label=${RUN_LABEL}=${id}`], {
      encoding: 'utf8',
    });
    left.push(
      ...out
        .split('\n')
        .filter(Boolean)
        .map((x) => `${args[0]} ${x}`),
    );
  }
if (left.length) {
  console.log(`left behind: ${left.join(', ')}`);
  process.exitCode = 1;
}
