/** The context scripts a Dockerfile's RUNs execute (`RUN /opt/db/prepare.sh`), with their commands. Pure. */
import { posix } from 'node:path';
import { joinPath } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import { buildRuns } from './command.js';
import type { ImageLayout } from './context.js';
import { scriptWords } from './start-argvs.js';
import type { BuildContext } from './types/project.js';
import type { BuildScript, DockerfileModel } from './types/dockerfile.js';

/**
 * For each RUN of the built stages that runs a script by its path (`./setup.sh`, `/opt/code/db/prepare.sh`), the
 * context file the image holds there and its commands, on the script's own lines. A program found on the PATH is
 * not traced (see ImageFiles.buildScript).
 */
export function buildScripts(
  model: DockerfileModel,
  context: BuildContext,
  layout: ImageLayout,
  texts: Record<string, string>,
): BuildScript[] {
  const out: BuildScript[] = [];
  for (const stage of model.builtStages)
    for (const { run, commands } of buildRuns([stage])) {
      const index = stage.instructions.indexOf(run);
      const wd = layout.workdirAt(stage, index) ?? '/';
      for (const command of commands) {
        const word = scriptWords(command.argv)[0];
        if (!word || word.includes('$') || !/\.sh$|\//.test(word)) continue;
        const source = layout.sourceOf(stage, posix.resolve(wd, word), index);
        const file = source && joinPath(context.dir, source);
        const text = file && texts[file];
        if (!file || !text || out.some((s) => s.run === run && s.file === file)) continue;
        out.push({ run, file, commands: parseShell(text, 1).commands });
      }
    }
  return out;
}
