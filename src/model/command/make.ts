/** `make TARGET` as a start command: the recipe lines the target runs, followed through prerequisites and `$(MAKE) x`. */
import { isMakefile } from '../../discover/classify.js';
import { parseShell } from '../../parse/shell.js';
import type { ShellAssignment, ShellCommand, ShellScript } from '../types/shell.js';
import { basename, programArgv } from './servers.js';
import { LINES } from '../../util/lines.js';

/** What `make [-C DIR] [-f FILE] [VAR=x] TARGET…` asks for; undefined when argv is no make command. */
export interface MakeInvocation {
  /** The makefile named with -f, else undefined (Makefile, makefile, GNUmakefile in the directory). */
  file?: string;
  /** The directory named with -C. */
  dir?: string;
  /** Targets asked for; empty for the default target. */
  targets: string[];
}

const MAX_DEPTH = 5;
// Stands for make's `$$` until every variable is expanded, so a value's `$$` is not read as a reference.
const DOLLAR = '\u0000';
const DIRECTIVE =
  /^(?:-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|export|unexport|override|vpath|define|endef)\b/;

export function makeInvocation(argv: string[]): MakeInvocation | undefined {
  const words = argv[0] === 'exec' ? argv.slice(1) : argv;
  if (!['make', 'gmake'].includes(basename(words[0] ?? ''))) return undefined;
  const out: MakeInvocation = { targets: [] };
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-f' || w === '--file' || w === '--makefile') out.file = words[++i];
    else if (/^--(?:file|makefile)=/.test(w)) out.file = w.slice(w.indexOf('=') + 1);
    else if (w === '-C' || w === '--directory') out.dir = words[++i];
    else if (w.startsWith('--directory=')) out.dir = w.slice('--directory='.length);
    else if (w === '-j' || w === '-l' || w === '-o' || w === '-W') i++;
    else if (!w.startsWith('-') && !w.includes('=')) out.targets.push(w);
  }
  return out;
}

/** The Makefile script among `scripts` that `make TARGET…` (or `uv run make …`) runs, matched by its targets. */
export function makeScriptRun<T extends { makeTargets?: string[] }>(
  argv: string[],
  scripts: T[],
): T | undefined {
  const make = makeInvocation(programArgv(argv));
  if (!make) return undefined;
  const targets = make.targets.join(' ');
  return scripts.find((s) => s.makeTargets && s.makeTargets.join(' ') === targets);
}

interface Rule {
  prerequisites: string[];
  recipe: { line: number; text: string }[];
}

interface Makefile {
  rules: Map<string, Rule>;
  /** Every rule in the order written, pattern rules (`%: Makefile`) included. */
  written: Rule[];
  variables: Map<string, string>;
  defaultTarget?: string;
}

/**
 * The commands `make TARGETS` runs, in order: each target's prerequisites first, then its recipe lines (each its own
 * shell script, anchored at its line); `$(MAKE) x` / `make x` in a recipe runs x's commands in its place.
 */
export function makeTargetScript(text: string, targets: string[]): ShellScript {
  const makefile = parseMakefile(text);
  const commands: ShellCommand[] = [];
  const assignments: ShellAssignment[] = [];
  const done = new Set<string>();
  const run = (target: string, depth: number): void => {
    const rule = makefile.rules.get(target);
    if (!rule || done.has(target) || depth > MAX_DEPTH) return;
    done.add(target);
    for (const p of rule.prerequisites) run(p, depth + 1);
    for (const { line, text: raw } of rule.recipe) {
      const script = recipeScript(raw, line, makefile.variables);
      if (!script) continue;
      assignments.push(...(script.assignments ?? []));
      for (const c of script.commands) {
        const sub = makeInvocation(c.argv);
        if (sub && !sub.file && !sub.dir) {
          const subTargets = sub.targets.length > 0 ? sub.targets : [makefile.defaultTarget ?? ''];
          for (const t of subTargets) run(t, depth + 1);
        } else commands.push(c);
      }
    }
  };
  const wanted = targets.length > 0 ? targets : makefile.defaultTarget ? [makefile.defaultTarget] : [];
  for (const t of wanted) run(t, 0);
  return { commands, assignments };
}

/**
 * Every recipe line of a Makefile as the shell runs it, the Makefile's variables expanded (`docker build -t
 * $(IMAGE) -f $(DOCKERFILE) .` with `IMAGE = shop-api`), each anchored at its line, whatever target runs it.
 */
export function makefileScript(text: string): ShellScript {
  const makefile = parseMakefile(text);
  const commands: ShellCommand[] = [];
  const assignments: ShellAssignment[] = [];
  for (const rule of makefile.written)
    for (const { line, text: raw } of rule.recipe) {
      const script = recipeScript(raw, line, makefile.variables);
      assignments.push(...(script?.assignments ?? []));
      commands.push(...(script?.commands ?? []));
    }
  return { commands, assignments };
}

// GNU make runs a recipe line itself, with no shell, unless it holds one of these or starts with an assignment or a
// shell builtin (job.c, construct_command_argv_internal).
const SHELL_CHARS = /[#;"*?[\]&|<>(){}$`^~!\n]/;
const SHELL_BUILTINS = new Set(
  '. : alias bg break case cd command continue eval exec exit export fc fg for getopts hash if jobs login logout read readonly return set shift test times trap type ulimit umask unalias unset wait while'.split(
    ' ',
  ),
);

/**
 * The recipe lines of a Makefile that make runs as a program of its own, with no `/bin/sh -c` between (a plain
 * command, once its variables are expanded): the process SIGTERM to make is passed on to.
 */
export function plainRecipeLines(text: string): number[] {
  const makefile = parseMakefile(text);
  const out: number[] = [];
  for (const rule of makefile.written)
    for (const { line, text: raw } of rule.recipe) {
      const expanded = expand(raw, makefile.variables)
        .replace(/^[@+-]+/, '')
        .trim();
      const first = expanded.split(/\s+/)[0];
      if (expanded && !SHELL_CHARS.test(expanded) && !first.includes('=') && !SHELL_BUILTINS.has(first))
        out.push(line);
    }
  return out;
}

/** A shell script, or a Makefile's recipes with its variables expanded, as the shell runs them. */
export function scriptOrMakefile(file: string, text: string): ShellScript {
  return isMakefile(file) ? makefileScript(text) : parseShell(text);
}

/** One recipe line as the shell runs it: variables expanded, make's `@`/`-`/`+` prefixes dropped. */
function recipeScript(raw: string, line: number, variables: Map<string, string>): ShellScript | undefined {
  const expanded = expand(raw, variables)
    .replace(/^[@+-]+/, '')
    .trim();
  // A make function left unexpanded ($(call log, …)) is make's own business, not a command the shell runs.
  if (expanded === '' || expanded.startsWith('$(') || expanded.startsWith('${')) return undefined;
  return parseShell(expanded, line);
}

function parseMakefile(text: string): Makefile {
  const rules = new Map<string, Rule>();
  const written: Rule[] = [];
  const variables = new Map<string, string>([['MAKE', 'make']]);
  let defaultTarget: string | undefined;
  let current: Rule | undefined;
  let inDefine = false;
  for (const { line, text: raw } of logicalLines(text)) {
    if (inDefine) {
      if (/^\s*endef\b/.test(raw)) inDefine = false;
      continue;
    }
    if (raw.startsWith('\t')) {
      if (current && !raw.trim().startsWith('#')) current.recipe.push({ line, text: raw.slice(1) });
      continue;
    }
    const stripped = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (stripped === '') continue;
    if (/^define\b/.test(stripped)) {
      inDefine = true;
      continue;
    }
    if (DIRECTIVE.test(stripped) && !/^export\s+\w+\s*[:?+]?=/.test(stripped)) {
      current = undefined;
      continue;
    }
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(::?=|\?=|\+=|=)\s*(.*)$/.exec(stripped);
    if (assign) {
      const [, name, op, value] = assign;
      if (op === '+=') variables.set(name, `${variables.get(name) ?? ''} ${value}`.trim());
      else if (op !== '?=' || !variables.has(name)) variables.set(name, value);
      current = undefined;
      continue;
    }
    const rule = /^([^:=]+?)\s*::?(?!=)\s*(.*)$/.exec(stripped);
    if (!rule) {
      current = undefined;
      continue;
    }
    const [prereqText, inlineRecipe] = splitInlineRecipe(rule[2]);
    const names = rule[1].split(/\s+/).filter(Boolean);
    current = { prerequisites: prereqText.split('|')[0].split(/\s+/).filter(Boolean), recipe: [] };
    if (inlineRecipe) current.recipe.push({ line, text: inlineRecipe });
    written.push(current);
    for (const name of names) {
      if (name.includes('%') || name.includes('$')) continue;
      if (!rules.has(name)) rules.set(name, current);
      if (!defaultTarget && !name.startsWith('.')) defaultTarget = name;
    }
  }
  return { rules, written, variables, defaultTarget };
}

/** `target: prereq ; recipe` */
function splitInlineRecipe(rest: string): [string, string | undefined] {
  const i = rest.indexOf(';');
  return i < 0 ? [rest, undefined] : [rest.slice(0, i), rest.slice(i + 1).trim()];
}

/** Lines joined across backslash continuations, each with the number of its first line. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split(LINES);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i];
    while (joined.endsWith('\\') && i + 1 < lines.length)
      joined = `${joined.slice(0, -1)} ${lines[++i].trim()}`;
    out.push({ line: start + 1, text: joined });
  }
  return out;
}

/** `$(NAME)` / `${NAME}` of the makefile's plain variables expanded, `$$` turned into the shell's `$`. */
function expand(text: string, variables: Map<string, string>, depth = 0): string {
  const replaced = text.replace(/\$\$|\$\(([A-Za-z_][\w.-]*)\)|\$\{([A-Za-z_][\w.-]*)\}/g, (m, a, b) => {
    if (m === '$$') return DOLLAR;
    const value = variables.get((a ?? b) as string);
    return value === undefined ? m : depth < 8 ? expand(value, variables, depth + 1) : value;
  });
  return depth === 0 ? replaced.split(DOLLAR).join('$') : replaced;
}
