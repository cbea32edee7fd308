import type { Engine } from '../core/index.js';
import type { DockerExecResult } from './docker.js';
import type { RunState } from './run-state.js';

/**
 * Removes an engine's containers, network and volumes as soon as it ends, alongside the other engine; the final
 * cleanup by label then removes the image and anything missed. Counts what went in `run.removed`.
 */
export async function removeEngineObjects(run: RunState, engine: Engine): Promise<void> {
  const names = [run.name(engine, 'web', '1'), run.name(engine, 'web', '2')];
  if (engine === 'postgres') names.push(run.name('postgres', 'db'));
  const lines = (r?: DockerExecResult) => (r?.stdout ?? '').split('\n').filter((l) => l.trim()).length;
  const removed = await run.docker
    .exec(['rm', '-f', '-v', ...names], { timeoutMs: 60_000 })
    .catch(() => undefined);
  run.removed.containers += lines(removed);
  const volumes = run.engineVolumes.get(engine) ?? [];
  if (removed?.exitCode === 0 || /No such container/i.test(removed?.stderr ?? ''))
    await Promise.all([
      run.docker.exec(['network', 'rm', run.network(engine)], { timeoutMs: 60_000 }).then((r) => {
        if (r.exitCode === 0) run.removed.networks++;
      }),
      volumes.length
        ? run.docker
            .exec(['volume', 'rm', ...volumes], { timeoutMs: 60_000 })
            .then((r) => (run.removed.volumes += lines(r)))
        : undefined,
    ]).catch(() => undefined);
}
