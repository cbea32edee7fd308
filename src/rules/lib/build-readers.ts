/** TF0306's look at who reads a secret ENV: the build's RUNs, and whether anything the container starts names it. */
import type { DockerfileModel, EnvInstr, RunInstr } from '../../model/types/dockerfile.js';
import type { Project } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { composeServices } from './each.js';

/** The RUNs after `env` in the image's stages whose shell expands the variable (`$NAME`, `${NAME}`). */
export function buildReaders(df: DockerfileModel, env: EnvInstr, name: string): RunInstr[] {
  const expands = new RegExp(String.raw`\$\{?${name}\b`);
  const instructions = lineage(df).flatMap((s) => s.instructions);
  return instructions
    .slice(instructions.indexOf(env) + 1)
    .filter((i): i is RunInstr => i.keyword === 'RUN')
    .filter((run) =>
      (run.argv ? [] : (run.script?.commands ?? [])).some((c) => commandText(c).some((t) => expands.test(t))),
    );
}

/**
 * Whether anything the image's container starts names the variable: its CMD/ENTRYPOINT, a compose command of a service
 * that builds it, the start scripts or the settings of the app it is. What it cannot see (a program's own reads) is not
 * counted.
 */
export function startReads(project: Project, df: DockerfileModel, name: string): boolean {
  const names = new RegExp(String.raw`\b${name}\b`);
  const stage = df.targetStage;
  const texts = [stage?.cmd?.raw, stage?.entrypoint?.raw];
  for (const { service } of composeServices(project))
    if (service.build?.dockerfile === df.file) texts.push(service.command?.raw, service.entrypoint?.raw);
  if (texts.some((t) => t !== undefined && names.test(t))) return true;
  return project.apps
    .filter((app) => app.dockerfile?.file === df.file)
    .some(
      (app) =>
        app.entrypointScripts.some((s) =>
          s.script.commands.some((c) => commandText(c).some((t) => names.test(t))),
        ) ||
        [app.settings, ...(app.settingsBases ?? [])].some((m) =>
          m?.envReads.some((r) => r.variable === name),
        ),
    );
}

/** A command's words as written, its assignments, redirect targets and the text it reads on stdin. */
function commandText(c: ShellCommand): string[] {
  return [
    ...(c.written ?? c.argv),
    ...(c.env ?? []).map((e) => e.value),
    ...c.redirects.map((r) => r.target),
    ...(c.stdin !== undefined ? [c.stdin] : []),
  ];
}
