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
 * The classic builder leaves the steps a failed or interrupted build finished as unlabelled, untagged images. Removing
 * the last one removes its untagged parents; without -f, a layer another image builds on (or a tagged base) is left
 * alone. While the daemon still removes the cut-short step's container, the layer is in use: the removal is retried
 * for a few seconds. Returns whether it was removed.
 */
export async function removeIntermediateLayer(
  docker: Docker,
  layer: string,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean> {
  try {
    const tags = await docker.exec(['image', 'inspect', '--format', '{{json .RepoTags}}', layer], {
      timeoutMs: 30_000,
    });
    if (tags.exitCode !== 0 || tags.stdout.trim() !== '[]') return false;
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = await docker.exec(['image', 'rm', layer], { timeoutMs: 60_000 });
      if (r.exitCode === 0) return true;
      if (!/being used by (stopped|running) container/i.test(r.stderr)) return false;
      await sleep(250);
    }
  } catch {
    // Cleanup never throws: it must not hide the run's own result.
  }
  return false;
}
