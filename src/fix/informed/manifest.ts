import { normalizePackageName, type RunFacts, type TextEdit } from '../../core/index.js';
import { buildRuns, pipInstall, programArgv } from '../../model/command.js';
import type { RunInstr } from '../../model/types/dockerfile.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { parseRequirements } from '../../parse/requirements.js';
import { indentOf, insertLines, linesOf } from '../../rules/lib/fix.js';
import type { FixContext, FixProposal } from '../../rules/lib/rule.js';
import { escapeRegExp, pinnedSpec, pinRequirementLine } from './pins.js';
import { LINES } from '../../util/lines.js';

const MANIFEST = 'requirements.txt';
const OTHER_MANIFEST =
  /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;

/**
 * TF0203: the packages a RUN installs by name written to requirements.txt at the context root (name==version, as pip
 * installed them in the image), and the RUN's pip command replaced by `COPY requirements.txt .` before the RUN and
 * `pip install --no-cache-dir -r requirements.txt`.
 */
export function requirementsFromInstalled(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const installed = facts.installed;
  const { finding } = context;
  const app = context.project.apps.find((a) => a.dockerfile?.file === finding.file);
  const df = app?.dockerfile;
  const lines = linesOf(context, finding.file);
  if (!installed || !app?.context || !df || !lines || finding.line === undefined) return undefined;
  const ctx = app.context;
  // Another manifest the image does not use (pyproject.toml, requirements/base.txt): which one to keep is the user's call.
  if (ctx.files.some((f) => f !== MANIFEST && OTHER_MANIFEST.test(f))) return undefined;
  const entry = buildRuns(df.builtStages).find(({ run }) => run.line === finding.line);
  if (!entry || entry.run.argv) return undefined;
  const pips = entry.commands.filter((c) => (pipInstall(c.argv)?.byName.length ?? 0) > 0);
  // One pip command per RUN, after no `cd`: the relative COPY and -r then both mean the WORKDIR.
  if (pips.length !== 1 || entry.commands.slice(0, entry.commands.indexOf(pips[0])).some(isCd))
    return undefined;
  const pip = pipInstall(pips[0].argv)!;
  const pins: string[] = [];
  for (const r of pip.byName) {
    const version = installed[normalizePackageName(r.name)];
    if (!version) return undefined;
    pins.push(pinnedSpec(r.name, r.spec, version));
  }
  const rewrite = rewritePipCommand(finding.file, lines, entry.run, pips[0]);
  if (!rewrite) return undefined;
  const manifestFile = ctx.dir === '.' ? MANIFEST : `${ctx.dir}/${MANIFEST}`;
  const manifest = manifestEdits(context, manifestFile, pins, installed);
  if (!manifest) return undefined;
  const indent = indentOf(lines[entry.run.line - 1] ?? '');
  return {
    title: `${manifestFile} with ${pins.join(', ')}: the versions installed in the image`,
    edits: [...manifest, insertLines(finding.file, entry.run.line, [`${indent}COPY ${MANIFEST} .`]), rewrite],
  };
}

const isCd = (c: ShellCommand) => programArgv(c.argv)[0] === 'cd' || c.argv[0] === 'cd';

/**
 * The edits that make requirements.txt hold `pins`: a new file, or the lines it lacks appended to one the image does not
 * use yet (its unpinned lines pinned to the installed versions); undefined when it pins another version.
 */
function manifestEdits(
  context: FixContext,
  file: string,
  pins: string[],
  installed: Record<string, string>,
): TextEdit[] | undefined {
  const text = context.text(file);
  if (text === undefined)
    return [{ file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, text: lines(pins) }];
  const physical = text.split(LINES);
  const edits: TextEdit[] = [];
  const declared = new Set<string>();
  for (const line of parseRequirements(file, text).lines) {
    if (line.kind !== 'package' || !line.name) continue;
    const name = normalizePackageName(line.name);
    declared.add(name);
    const version = installed[name];
    const pinned = /===?\s*([^\s;#,]+)/.exec(line.text)?.[1];
    if (line.pinned && pinned !== undefined && version !== undefined && pinned !== version) return undefined;
    if (line.pinned) continue;
    const pin = pinRequirementLine(file, line.line, physical, line.name, installed);
    if (!pin) return undefined;
    edits.push(...pin.edits);
  }
  const missing = pins.filter((p) => !declared.has(normalizePackageName(/^[A-Za-z0-9._-]+/.exec(p)![0])));
  const end = text.endsWith('\n') || text === '' ? physical.length : physical.length + 1;
  if (missing.length > 0)
    edits.push({
      file,
      start: { line: end, column: 1 },
      end: { line: end, column: 1 },
      text: lines(missing),
    });
  return edits;
}

const lines = (items: string[]) => items.map((l) => `${l}\n`).join('');

/**
 * The pip command's words, from its program to its last word, replaced by the same program and options with
 * `--no-cache-dir -r requirements.txt` instead of the packages named; undefined when its words cannot be found as written.
 */
function rewritePipCommand(
  file: string,
  lines: string[],
  run: RunInstr,
  command: ShellCommand,
): TextEdit | undefined {
  const argv = command.argv;
  const install = argv.findIndex((w, i) => w === 'install' && pipInstall(argv.slice(0, i + 1)) !== undefined);
  const words = wordsAsWritten(lines, command.line, run.endLine, argv);
  if (install < 0 || !words) return undefined;
  const byName = pipInstall(argv)!.byName.map((r) => r.spec);
  const kept: string[] = [];
  for (let i = install + 1; i < argv.length; i++) {
    const taken = argv[i].startsWith('-') ? -1 : byName.indexOf(argv[i]);
    if (taken >= 0) byName.splice(taken, 1);
    else kept.push(words[i].text);
  }
  if (!argv.includes('--no-cache-dir')) kept.unshift('--no-cache-dir');
  const start = words[0];
  const head = words[install];
  const last = words[words.length - 1];
  const prefix =
    start.line === head.line
      ? lines[start.line - 1].slice(start.column - 1, head.column - 1 + head.text.length)
      : undefined;
  if (prefix === undefined) return undefined;
  return {
    file,
    start: { line: start.line, column: start.column },
    end: { line: last.line, column: last.column + last.text.length },
    text: [prefix, ...kept, '-r', MANIFEST].join(' '),
  };
}

interface WrittenWord {
  line: number;
  column: number;
  /** The word as written, quotes included. */
  text: string;
}

/**
 * Where each word of `argv` is written, in order, from line `first`: the only place the whole sequence appears, the words
 * separated by blanks and line continuations only, each bare or in quotes.
 */
function wordsAsWritten(
  lines: string[],
  first: number,
  last: number,
  argv: string[],
): WrittenWord[] | undefined {
  const starts: number[] = [];
  let flat = '';
  for (let n = first; n <= Math.min(last, lines.length); n++) {
    starts.push(flat.length);
    flat += `${lines[n - 1]}\n`;
  }
  const at = (offset: number, text: string): WrittenWord => {
    let k = starts.length - 1;
    while (starts[k] > offset) k--;
    return { line: first + k, column: offset - starts[k] + 1, text };
  };
  const found: WrittenWord[][] = [];
  const head = new RegExp(`(^|[\\s;&|(])(${quoted(escapeRegExp(argv[0]))})(?=$|[\\s;&|)])`, 'g');
  for (const m of flat.matchAll(head)) {
    let offset = m.index + m[1].length;
    const words = [at(offset, m[2])];
    offset += m[2].length;
    for (const w of argv.slice(1)) {
      const next = new RegExp(`^(?:[ \\t]|\\\\\\n)+(${quoted(escapeRegExp(w))})(?=$|[\\s;&|)])`).exec(
        flat.slice(offset),
      );
      if (!next) break;
      offset += next[0].length - next[1].length;
      words.push(at(offset, next[1]));
      offset += next[1].length;
    }
    if (words.length === argv.length) found.push(words);
  }
  return found.length === 1 ? found[0] : undefined;
}

const quoted = (w: string) => `${w}|"${w}"|'${w}'`;
