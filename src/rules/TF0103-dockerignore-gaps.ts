import type { RawFinding } from '../core/index.js';
import type { BuildContext, Project } from '../model/types/project.js';
import { DOCKERIGNORE_PATTERNS } from './lib/examples.js';
import { appendPatterns } from './lib/fix.js';
import { defineRule } from './lib/rule.js';
import { excludedWith, letInOnPurpose } from '../model/context.js';
import { isSqliteFile, sourcesNamedByCopy } from './lib/files.js';
import { isEnvTemplateName } from '../model/env-files.js';

interface Gap {
  what: string;
  /** Paths found in the context that the .dockerignore lets through. */
  found: string[];
  /** The pattern to add: a `**` form when something nested was found. */
  pattern: string;
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const nested = (paths: string[]) => paths.some((p) => p.includes('/'));

/** What the context holds that has no business in an image, and that .dockerignore does not leave out. */
/**
 * The `.env*` entries the context sends, as the catalog counts them: files named `.env*`, templates included (said
 * so), and directories named `.env*` (cookiecutter-django's `.envs/`), each directory once; `prod.env` is not one.
 */
function envEntriesOf(sentFiles: readonly string[]): { path: string; shown: string }[] {
  const out: { path: string; shown: string }[] = [];
  const dirs = new Set<string>();
  for (const file of sentFiles) {
    const parts = file.split('/');
    const at = parts.slice(0, -1).findIndex((p) => p.startsWith('.env'));
    if (at >= 0) {
      const dir = parts.slice(0, at + 1).join('/');
      if (!dirs.has(dir)) out.push({ path: dir, shown: `${dir}/` });
      dirs.add(dir);
    } else if (baseName(file).startsWith('.env'))
      out.push({ path: file, shown: isEnvTemplateName(file) ? `${file} (a template)` : file });
  }
  return out;
}

export function gapsOf(context: BuildContext, named: readonly string[] = []): Gap[] {
  const sentDirs = context.sentSkippedDirs ?? [];
  const gaps: Gap[] = [];
  const dirGap = (what: string, names: string[], pattern: (nested: boolean) => string) => {
    const found = sentDirs.filter((d) => names.includes(baseName(d)));
    if (found.length > 0) gaps.push({ what, found, pattern: pattern(nested(found)) });
  };
  dirGap('.git', ['.git'], (n) => (n ? '**/.git' : '.git'));
  // An `!.env.example` exception is a decision the .dockerignore states, not a gap in it.
  // A file a COPY names (`COPY config/.env.build …`) is one the build needs: not a gap, and never to be excluded.
  const needed = context.sentFiles.filter((f) => named.includes(f));
  const entries = envEntriesOf(context.sentFiles.filter((f) => !needed.includes(f)));
  const chosen = letInOnPurpose(
    context,
    entries.map((e) => e.path),
  );
  const env = entries.filter((e) => !chosen.has(e.path));
  if (env.length > 0) {
    const paths = env.map((e) => e.path);
    gaps.push({
      what: '.env files',
      found: env.map((e) => e.shown),
      pattern: keeping(context, nested(paths) ? '**/.env*' : '.env*', needed),
    });
  }
  const sqlite = context.sentFiles.filter(isSqliteFile);
  if (sqlite.length > 0)
    gaps.push({
      what: 'SQLite databases',
      found: sqlite,
      pattern: nested(sqlite) ? '**/*.sqlite3' : '*.sqlite3',
    });
  dirGap('virtualenvs', ['venv', '.venv'], (n) => (n ? '**/venv, **/.venv' : 'venv, .venv'));
  dirGap('__pycache__', ['__pycache__'], () => '**/__pycache__');
  dirGap('node_modules', ['node_modules'], (n) => (n ? '**/node_modules' : 'node_modules'));
  return gaps;
}

/** A pattern followed by the exceptions that keep the files a COPY names in the context (`!config/.env.build`). */
function keeping(context: BuildContext, pattern: string, needed: readonly string[]): string {
  const taken = needed.filter((f) => excludedWith(context, [pattern], f));
  return [pattern, ...taken.map((f) => `!${f}`)].join(', ');
}

/** Context paths any image built from this .dockerignore's context names in a COPY/ADD. */
function namedSources(project: Project, ignoreFile: string): string[] {
  return project.apps
    .filter((a) => a.context?.dockerignore?.file === ignoreFile)
    .flatMap((a) => sourcesNamedByCopy(a));
}

export const dockerignoreGaps = defineRule({
  id: 'TF0103',
  name: 'dockerignore-gaps',
  factor: 'I',
  severity: 'notice',
  kind: 'S',
  title:
    '.dockerignore exists but lets in things that exist in the context and do not belong in an image: .git, .env*, *.sqlite3, venv/.venv, __pycache__, node_modules',
  help: `A \`.dockerignore\` is there, but some things present in the build context still get through: repository history,
local \`.env\` files, SQLite databases, virtualenvs, bytecode caches or \`node_modules\`. They make the build slower,
the image bigger and can leak secrets or data. Patterns in \`.dockerignore\` are anchored at the context root, so
\`__pycache__\` only matches the top-level directory: use \`**/__pycache__\` for nested ones.

\`\`\`
${DOCKERIGNORE_PATTERNS}
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const app of project.apps) {
      const context = app.context;
      const ignore = context?.dockerignore;
      if (!context || !ignore || seen.has(ignore.file)) continue;
      seen.add(ignore.file);
      const gaps = gapsOf(context, namedSources(project, ignore.file));
      if (gaps.length === 0) continue;
      // What was found is said as repository paths (the context `hello_world` holds `hello_world/hello_world/…`);
      // the patterns stay relative to the context, as .dockerignore reads them.
      const inRepo = (p: string) => (context.dir === '.' ? p : `${context.dir}/${p}`);
      const shown = (g: Gap) => {
        const list = g.found.slice(0, 3).map(inRepo).join(', ');
        return `${g.what} (${list}${g.found.length > 3 ? `, and ${g.found.length - 3} more` : ''})`;
      };
      findings.push({
        file: ignore.file,
        line: 1,
        message: `${ignore.file} lets into the build context ${gaps.map(shown).join('; ')}. Add these patterns: ${gaps.map((g) => g.pattern).join(', ')}.`,
      });
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary: 'Appends the missing patterns to the .dockerignore, leaving its lines as they are.',
    make: (context) => {
      const app = context.project.apps.find((a) => a.context?.dockerignore?.file === context.finding.file);
      if (!app?.context) return undefined;
      const named = namedSources(context.project, context.finding.file);
      const patterns = gapsOf(app.context, named).flatMap((g) => g.pattern.split(', '));
      return appendPatterns(context, context.finding.file, patterns);
    },
  },
});
