/**
 * A shell-form CMD/ENTRYPOINT on a base with no shell (distroless, Chainguard): Docker runs it with /bin/sh -c, which
 * the image does not hold, so the container does not start; the advice is the exec form, with no shell to expand a
 * variable or run a list. Pure.
 */
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { commandLine } from './command-text.js';
import { listOf } from './processes.js';
import { type ShellLessBase, shellLessBase } from './shell-less-base.js';
import { inlineScriptCommands } from '../../model/command.js';
import type { App } from '../../model/types/project.js';
import type { RawFinding } from '../../core/index.js';

/** `$PORT`, `${PORT}`, `${PORT:-8000}`, `${PORT-8000}`. */
const VARIABLE = /\$(?:\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|([A-Za-z_]\w*))/g;

/** A word with its variables written out: the stage's ENV value, else the default written in it, else `<NAME>`. */
function writtenOut(word: string, env: Record<string, string | undefined>, unknown: Set<string>): string {
  return word.replace(
    VARIABLE,
    (_, braced: string | undefined, fallback: string | undefined, bare: string) => {
      const name = braced ?? bare;
      const value = env[name] ?? fallback;
      if (value !== undefined) return value;
      unknown.add(name);
      return `<${name}>`;
    },
  );
}

/** What the advice is written in: a Dockerfile instruction (`CMD`) or a compose service key (`command`). */
export interface StartKey {
  key: string;
  compose: boolean;
}

/** The exec form of one command, its variables written out, and the settings its assignments become. */
function execFormWrittenOut(start: StartKey, command: ShellCommand, env: Record<string, string | undefined>) {
  const unknown = new Set<string>();
  const argv = command.argv.map((w) => writtenOut(w, env, unknown));
  const assigned = (command.env ?? []).map((a) => `${a.name}=${writtenOut(a.value, env, unknown)}`);
  const expanded = command.argv.some((w) => w.includes('$')) || (command.env ?? []).some((a) => !a.literal);
  const array = `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
  return {
    example: start.compose ? `${start.key}: ${array}` : `${start.key} ${array}`,
    envLines: assigned.map((a) => (start.compose ? `${a} in its environment` : `ENV ${a}`)),
    unknown: [...unknown],
    expanded,
  };
}

/**
 * The advice for a start that needs a shell the image does not hold (`said` tells what runs it): the last command in
 * exec form with its values written out, what the commands before it did as instructions or one-off commands.
 */
export function shellLessAdvice(
  said: string,
  start: StartKey,
  commands: ShellCommand[],
  env: Record<string, string | undefined>,
): string {
  const last = commands.at(-1);
  if (!last) return `${said} Use the exec form, a JSON array of the program and its arguments.`;
  const { example, envLines, unknown, expanded } = execFormWrittenOut(start, last, env);
  const values = !expanded
    ? ''
    : unknown.length === 0
      ? ', its values written out (no shell expands a variable there)'
      : `, its values written out in place of ${listOf(unknown.map((n) => `<${n}>`))} (no shell expands a variable there)`;
  const assignments =
    envLines.length === 0
      ? ''
      : `, with ${listOf(envLines)}${start.compose ? '' : ' before it'} (there is no env program either)`;
  // `cd /app && …`, `export X=1; …`: what a builtin did for the start, an instruction of the image does instead
  const before = commands.slice(0, -1);
  const builtin = (c: ShellCommand) =>
    (c.argv[0] === 'cd' && c.argv.length === 2) ||
    (c.argv[0] === 'export' && c.argv.length > 1 && c.argv.slice(1).every((w) => w.includes('=')));
  const none = new Set<string>();
  const instructions = before
    .filter(builtin)
    .flatMap((c) =>
      c.argv[0] === 'cd'
        ? [
            start.compose
              ? `working_dir: ${writtenOut(c.argv[1], env, none)}`
              : `WORKDIR ${writtenOut(c.argv[1], env, none)}`,
          ]
        : c.argv
            .slice(1)
            .map((w) =>
              start.compose
                ? `${writtenOut(w, env, none)} in its environment`
                : `ENV ${writtenOut(w, env, none)}`,
            ),
    );
  const others = before.filter((c) => !builtin(c)).map((c) => `\`${commandLine(c)}\``);
  const replaced =
    instructions.length === 0 ? '' : `, and ${listOf(instructions)}${start.compose ? '' : ' in the image'}`;
  const rest =
    others.length === 0
      ? ''
      : ` No shell there runs a list of commands: run ${listOf(others)} as ${others.length === 1 ? 'a one-off command' : 'one-off commands'} of the image, or write the start as an entrypoint in Python.`;
  return `${said} Use the exec form${values}: ${example}${assignments}${replaced}.${rest}`;
}

/** A shell-form CMD/ENTRYPOINT on a base with no shell. */
export function shellLessShellFormMessage(
  instr: CommandInstr,
  base: ShellLessBase,
  env: Record<string, string | undefined>,
): string {
  const said = `${instr.keyword} is in shell form, which Docker runs with /bin/sh -c, and ${base.repository} has no shell: the container does not start (exec: "/bin/sh": no such file or directory), and no \`sh -c\` or \`exec\` can be written there.`;
  return shellLessAdvice(said, { key: instr.keyword, compose: false }, instr.script?.commands ?? [], env);
}

/**
 * Findings on an inline `sh -c` (exec-form CMD, compose command) run in an image with no shell: the shell is not
 * there to start, so the advice is the exec form of the command it was to run.
 */
export function withShellMissing(
  app: App,
  argv: string[],
  line: number,
  what: string,
  start: StartKey,
  findings: RawFinding[],
): RawFinding[] {
  const df = app.dockerfile;
  const stage = df?.targetStage;
  const base = df && stage ? shellLessBase(df, stage) : undefined;
  if (!base || findings.length === 0 || !isShell(argv[0])) return findings;
  const said = `${what} runs '${argv[0]} -c', and ${base.repository} has no shell: the container does not start (exec: "${argv[0]}": not found), and no \`exec\` can be written there.`;
  const message = shellLessAdvice(said, start, inlineScriptCommands(argv, line), stage!.env);
  return findings.map((f) => ({ ...f, message }));
}

/** `sh`, `/bin/bash`: a shell program, which a base with no shell does not hold. */
export function isShell(program: string | undefined): boolean {
  return /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash)$/.test(program ?? '');
}
