import { normalizePackageName, type RunFacts, type TextEdit } from '../../core/index.js';
import { buildCommands, pipInstall } from '../../model/command.js';
import { linesOf, replaceInLine } from '../../rules/lib/fix.js';
import type { FixContext, FixProposal } from '../../rules/lib/rule.js';

/** A requirements line: the name (with extras), the version part, then markers and a comment, kept as written. */
const REQUIREMENT_LINE =
  /^(\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\s*\[[^\]]*\])?)([^;#]*?)(\s*(?:;[^#]*?)?\s*(?:#.*)?)$/;

/** TF0202: each unpinned requirement pinned to the version pip installed in the built image. */
export function pinInstalledVersions(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const installed = facts.installed;
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!installed || !lines || finding.line === undefined) return undefined;
  for (const app of context.project.apps) {
    const req = app.requirements.find((r) => r.file === finding.file);
    const line = req?.lines.find((l) => l.line === finding.line && l.kind === 'package' && !l.pinned);
    // A Pipfile or pyproject.toml line is TOML, not a pip requirement: pinning it is left to the project's lock.
    if (req?.manifest) return undefined;
    if (line?.name) return pinRequirementLine(finding.file, finding.line, lines, line.name, installed);
    const df = app.dockerfile;
    if (df?.file === finding.file) return pinPipInstall(context, finding.line, lines, installed);
  }
  return undefined;
}

/** One requirements line pinned to the installed version; undefined when it is continued, has options or was not installed. */
export function pinRequirementLine(
  file: string,
  n: number,
  lines: string[],
  name: string,
  installed: Record<string, string>,
): FixProposal | undefined {
  const version = installed[normalizePackageName(name)];
  const text = lines[n - 1] ?? '';
  const m = REQUIREMENT_LINE.exec(text);
  // A continued line, or one with options (--hash), is left to the user.
  if (!version || !m || /\\\s*$/.test(text) || /\s--/.test(m[2])) return undefined;
  const from = m[1].length + 1;
  const to = from + m[2].length;
  const space = m[3].startsWith(';') ? ' ' : '';
  return {
    // The name as written with its extras (`channels[daphne]`): the pin keeps them.
    title: `${m[1].replace(/\s+/g, '')}==${version}, the version installed in the image`,
    edits: [replaceInLine(file, n, from, to, `==${version}${space}`)],
  };
}

/** `pip install name…` in a RUN: each loose specifier replaced in place by name==version. */
function pinPipInstall(
  context: FixContext,
  at: number,
  lines: string[],
  installed: Record<string, string>,
): FixProposal | undefined {
  const file = context.finding.file;
  const df = context.project.apps.find((a) => a.dockerfile?.file === file)?.dockerfile;
  const instruction = df?.stages
    .flatMap((s) => s.instructions)
    .find((i) => i.keyword === 'RUN' && i.line <= at && at <= i.endLine);
  if (!df || !instruction) return undefined;
  const specs = buildCommands(df.builtStages)
    .filter((c) => c.line === at)
    .flatMap((c) => {
      const pip = pipInstall(c.argv);
      if (!pip || pip.constrained) return [];
      const loose = pip.byName.filter((r) => !r.pinned).map((r) => ({ spec: r.spec, name: r.name }));
      return loose.length > 0 ? loose : pip.unpinnedTooling.map((spec) => ({ spec, name: bareName(spec) }));
    });
  if (specs.length === 0) return undefined;
  const edits: TextEdit[] = [];
  const pins: string[] = [];
  for (const { spec, name } of specs) {
    const version = installed[normalizePackageName(name)];
    const where = version ? wordAt(lines, spec, instruction.line, instruction.endLine) : undefined;
    // Every loose one is pinned, or none: half a fix leaves the finding.
    if (!where) return undefined;
    const pinned = pinnedSpec(name, spec, version);
    edits.push(replaceInLine(file, where.line, where.column, where.column + spec.length, pinned));
    pins.push(pinned);
  }
  return { title: `${pins.join(', ')}: the versions installed in the image`, edits };
}

/** `name[extras]==version` for a requirement written `spec` (`Django[argon2]>=5`): its extras kept. */
export function pinnedSpec(name: string, spec: string, version: string): string {
  const extras = /^[A-Za-z0-9._-]+(\[[^\]]*\])?/.exec(spec)?.[1] ?? '';
  return `${name}${extras}==${version}`;
}

/** `text` as a regular expression matching it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const bareName = (spec: string) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? spec;

/**
 * The one place `word` is written as a whole word (between blanks, quotes or line ends) after the `install` of lines
 * first..last: `pip install --upgrade pip` names pip twice.
 */
function wordAt(
  lines: string[],
  word: string,
  first: number,
  last: number,
): { line: number; column: number } | undefined {
  const found: { line: number; column: number }[] = [];
  const pattern = new RegExp(`(^|[\\s"'])${escapeRegExp(word)}(?=$|[\\s"';&|])`, 'g');
  let installed = false;
  for (let n = first; n <= Math.min(last, lines.length); n++) {
    let text = lines[n - 1];
    let offset = 0;
    if (!installed) {
      const at = /(^|\s)install(?=\s|$)/.exec(text);
      if (!at) continue;
      installed = true;
      offset = at.index + at[0].length;
      text = text.slice(offset);
    }
    for (const m of text.matchAll(pattern))
      found.push({ line: n, column: offset + m.index + m[1].length + 1 });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** TF0201: the FROM image pinned to the digest the build resolved, when it came from a registry. */
export function pinBaseDigest(context: FixContext, facts: RunFacts): FixProposal | undefined {
  const base = facts.baseImage;
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!base?.digest || !lines || finding.line === undefined) return undefined;
  for (const app of context.project.apps) {
    const df = app.dockerfile;
    const stage = df?.file === finding.file ? df.stages.find((s) => s.from.line === finding.line) : undefined;
    const from = stage?.from;
    // The digest belongs to the image built: the one this FROM names, build args not overriding it.
    if (!df || !from?.image || from.image !== base.ref || from.digest) continue;
    const arg = df.globalArgs.find((a) => a.default === from.image && from.raw.includes(a.name));
    const line = arg ? arg.line : from.line;
    const text = lines[line - 1] ?? '';
    const start = arg ? text.indexOf(`=${from.image}`) + 1 : text.indexOf(from.image, text.search(/\s/));
    if (start <= 0 || text.indexOf(from.image, start + 1) >= 0) return undefined;
    const end = start + from.image.length;
    return {
      title: `${from.image} pinned to the digest the build resolved (${base.digest.slice(0, 19)}…)`,
      edits: [replaceInLine(finding.file, line, end + 1, end + 1, `@${base.digest}`)],
    };
  }
  return undefined;
}
