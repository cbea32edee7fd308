import type { Docker } from './docker.js';

/** Key under which the action's main step saves the run id (core.saveState) for the post step's cleanup. */
export const SMOKE_STATE_KEY = 'smoke-run-id';

/** Label every container, network, volume and image of a run carries. */
export const RUN_LABEL = 'twelve-factor-review.run';

export interface CleanupReport {
  containers: number;
  networks: number;
  volumes: number;
  images: number;
  errors: string[];
}

const ids = (stdout: string) =>
  stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Removes everything labelled with the run id: containers (with their anonymous volumes) first, then networks and
 * volumes, then the built image unless kept. Never throws: cleanup must not hide the run's own result.
 */
export async function removeRun(
  docker: Docker,
  runId: string,
  options: { keepImage?: boolean; timeoutMs?: number } = {},
): Promise<CleanupReport> {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const report: CleanupReport = { containers: 0, networks: 0, volumes: 0, images: 0, errors: [] };
  const run = async (args: string[]) => {
    try {
      const r = await docker.exec(args, { timeoutMs });
      if (r.exitCode !== 0) report.errors.push(`docker ${args.slice(0, 2).join(' ')}: ${r.stderr.trim()}`);
      return r;
    } catch (error) {
      report.errors.push(`docker ${args.slice(0, 2).join(' ')}: ${(error as Error).message}`);
      return { exitCode: 1, stdout: '', stderr: '' };
    }
  };
  const list = async (args: string[]) => ids((await run([...args, '--filter', filter])).stdout);

  // Everything is listed at once; containers go first (networks, volumes and the image are in use until then), then
  // the rest together.
  const listed = Promise.all([
    list(['network', 'ls', '-q']),
    list(['volume', 'ls', '-q']),
    options.keepImage ? Promise.resolve([]) : list(['image', 'ls', '-q']),
  ]);
  const containers = await list(['ps', '-aq']);
  if (containers.length) {
    await run(['rm', '-f', '-v', ...containers]);
    report.containers = containers.length;
  }
  const [networks, volumes, images] = await listed;
  const unique = [...new Set(images)];
  await Promise.all([
    networks.length ? run(['network', 'rm', ...networks]) : undefined,
    volumes.length ? run(['volume', 'rm', '-f', ...volumes]) : undefined,
    unique.length ? run(['image', 'rm', '-f', ...unique]) : undefined,
  ]);
  report.networks = networks.length;
  report.volumes = volumes.length;
  report.images = unique.length;
  return report;
}

/**
 * What a classic build printed, for the final cleanup to find the layers it left: all it finished when it failed or
 * was cut short, and the last layer of each stage the target does not build on when it succeeded.
 */
export interface ClassicBuild {
  /** Layers the build's steps committed, as printed (` ---> id`), FROM steps excepted. */
  layers: string[];
  /** Base images of its FROM steps. */
  bases: string[];
  /** When the build started (ms since the epoch). */
  startedAt: number;
  /** Killed (timeout, signal) rather than failed: the daemon may still be finishing a step. */
  cutShort: boolean;
  /** The container of the RUN step it was in when cut short. */
  stepContainer?: string;
}

/**
 * The classic builder leaves the steps a failed or cut-short build finished as untagged images without a label, and
 * a multi-stage build leaves the last layer of every stage the target does not build on.
 * They are found among the dangling images (untagged, nothing builds on them) by ancestry: a parent chain reaching a
 * layer the build printed, or reaching its base image from a leaf created since the build started (a build cut short
 * early may commit steps its output never showed). Removing a leaf removes its untagged parents; without -f, a layer
 * another image builds on is left alone. While the daemon still removes the cut-short step's container the layer is
 * in use, so the removal is retried for a few seconds; and a cut-short build may commit the step it was in after the
 * CLI died, so the search waits for that step's container to go and looks once more after a pause. Returns how many
 * were removed. Never throws.
 */
export async function removeBuildLayers(
  docker: Docker,
  build: ClassicBuild,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<number> {
  const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
  const ours = new Set(build.layers.map(short));
  const bases = new Set(build.bases.map(short));
  if (!ours.size && !bases.size) return 0;
  let removed = 0;
  try {
    // The step a cut-short build was in ends (committed or not) when the daemon removes its container.
    for (let i = 0; build.stepContainer && i < 50; i++) {
      const c = await docker.exec(['container', 'inspect', '--format', '{{.Id}}', build.stepContainer], {
        timeoutMs: 30_000,
      });
      if (c.exitCode !== 0) break;
      await sleep(200);
    }
    for (let pass = 0; pass < (build.cutShort ? 2 : 1); pass++) {
      if (pass > 0) await sleep(1_000);
      const dangling = await docker.exec(['images', '--filter', 'dangling=true', '-q', '--no-trunc'], {
        timeoutMs: 30_000,
      });
      for (const leaf of ids(dangling.stdout)) {
        let id = leaf;
        let created = Number.NaN;
        let mine = false;
        for (let hop = 0; hop < 200 && id; hop++) {
          if (ours.has(short(id))) {
            mine = true;
            break;
          }
          // Leaves made before the build started (with a few seconds for clock skew) are another build's.
          if (bases.has(short(id))) {
            mine = created >= build.startedAt - 5_000;
            break;
          }
          const info = await docker.exec(['image', 'inspect', '--format', '{{.Parent}}|{{.Created}}', id], {
            timeoutMs: 30_000,
          });
          const [parent = '', when = ''] = info.exitCode === 0 ? info.stdout.trim().split('|') : [];
          if (hop === 0) created = Date.parse(when);
          id = parent;
        }
        if (!mine) continue;
        for (let attempt = 0; attempt < 20; attempt++) {
          const r = await docker.exec(['image', 'rm', leaf], { timeoutMs: 60_000 });
          if (r.exitCode === 0) {
            removed++;
            break;
          }
          if (!/being used by (stopped|running) container/i.test(r.stderr)) break;
          await sleep(250);
        }
      }
    }
  } catch {
    // Cleanup never throws: it must not hide the run's own result.
  }
  return removed;
}
