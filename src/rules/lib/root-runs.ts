/** The commands a stage's build runs as root: every RUN of it and the stages it builds on, up to the first USER. */
import type { ShellCommand } from '../../model/types/shell.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import { lineage } from '../../model/dockerfile/lineage.js';

/**
 * Each command of those RUN lines, in build order, with the environment it sees: the stage's ARG/ENV values, the
 * script's own assignments before it, and its `X=v cmd` prefix. Stops at the first USER.
 */
export function* rootRunCommands(
  df: DockerfileModel,
  stage: Stage,
): Generator<{ command: ShellCommand; env: Record<string, string | undefined> }> {
  for (const s of lineage(df, stage))
    for (const ins of s.instructions) {
      if (ins.keyword === 'USER') return;
      if (ins.keyword !== 'RUN') continue;
      const run = ins as RunInstr;
      const assigned = Object.fromEntries((run.script?.assignments ?? []).map((a) => [a.name, a.value]));
      for (const command of run.script?.commands ?? [])
        yield {
          command,
          env: {
            ...run.variables,
            ...assigned,
            ...Object.fromEntries((command.env ?? []).map((a) => [a.name, a.value])),
          },
        };
    }
}
