import type { TextEdit } from '../../core/index.js';
import type { DockerfileModel, EnvInstr, EnvPair, Instruction, Stage } from '../../model/types/dockerfile.js';
import { replaceInLine, replaceLines } from './fix.js';
import { execTarget, inlineScriptCommands, startCommands } from '../../model/command.js';
import type { App } from '../../model/types/project.js';
import type { FixContext } from './rule.js';

/**
 * The app whose Dockerfile a finding points at, with its target stage; of several apps of one image (two projects it
 * holds), the one it is known to start.
 */
export function appOfDockerfile(
  context: FixContext,
): { app: App; dockerfile: DockerfileModel; stage: Stage } | undefined {
  const apps = [...context.project.apps, ...(context.project.workerImages ?? [])];
  const started = apps.filter((a) => startCommands(a).length > 0);
  for (const app of [...started, ...apps.filter((a) => !started.includes(a))]) {
    const dockerfile = app.dockerfile;
    const stage = dockerfile?.targetStage;
    if (dockerfile && stage && dockerfile.file === context.finding.file) return { app, dockerfile, stage };
  }
  return undefined;
}

/** The stage's own instructions of one keyword, in order. */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/**
 * Where a line that configures how the container runs (USER, HEALTHCHECK) goes: after the stage's last RUN, so no
 * build step runs under it, and before its CMD/ENTRYPOINT when those follow; else after the stage's last line.
 */
export function runtimeInsertionLine(stage: Stage): number {
  const lastRun = instructionsOf(stage, 'RUN').at(-1);
  const after = lastRun?.endLine ?? stage.from.endLine;
  const start = stage.instructions.find(
    (i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.line > after,
  );
  return start?.line ?? stage.lastLine + 1;
}

/**
 * The program a Python one-liner runs with: the one the start command names (`python3`, also inside its `sh -c`
 * text), else `python3`, which every Python 3 install holds (Debian's python3 packages and distroless images have no
 * `python`).
 */
export function pythonOf(stage: Stage): string {
  for (const c of [stage.entrypoint, stage.cmd]) {
    const argv = c?.argv ?? c?.script?.commands[0]?.argv ?? [];
    const inline = c?.argv ? inlineScriptCommands(execTarget(c.argv), c.line).flatMap((s) => s.argv) : [];
    const word = [...argv, ...inline].find((a) => /(^|\/)python3?(\.\d+)?$/.test(a));
    if (word) return word;
  }
  return 'python3';
}

/**
 * The edit that takes one pair out of an ENV instruction: the whole instruction when it is its only pair, else the
 * `NAME=value` text and its blanks on its line; undefined when the pair is not written there once, or the line goes on.
 */
export function removeEnvPair(
  file: string,
  lines: string[],
  env: EnvInstr,
  pair: EnvPair,
): TextEdit | undefined {
  if (env.pairs.length === 1) return replaceLines(file, env.line, env.endLine, []);
  const text = lines[pair.line - 1] ?? '';
  const written = `${pair.name}=${pair.raw}`;
  const at = text.indexOf(written);
  if (at < 0 || text.indexOf(written, at + 1) >= 0 || /\\\s*$/.test(text)) return undefined;
  const start = /\s*$/.exec(text.slice(0, at))!.index;
  const end = at + written.length;
  // ENV A=1 SECRET=x: the pair and the blanks before it go; a first pair takes the blanks after it instead.
  const first = env.pairs[0] === pair && pair.line === env.line;
  const cut = first ? [at, end + /^\s*/.exec(text.slice(end))![0].length] : [start, end];
  return replaceInLine(file, pair.line, cut[0] + 1, cut[1] + 1, '');
}
