import { posix } from 'node:path';
import { filesReachingImage } from '../model/context.js';
import { appendPatterns, newDockerignore } from './lib/fix.js';
import type { BuildContext } from '../model/types/project.js';
import { dockerignoreFileOf, filesCopiedIntoImage, isSqliteDatabaseOf, isSqliteFile } from './lib/files.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

export const sqliteInImage = defineRule({
  id: 'TF0601',
  name: 'sqlite-in-image',
  factor: 'VI',
  severity: 'error',
  kind: 'S',
  title: 'An SQLite database file that exists in the context (*.sqlite3, db.sqlite3) reaches the image',
  help: `Processes are stateless: data lives in a backing service or a volume, never in the image. A \`db.sqlite3\` copied
into the image bakes one developer's data (users, sessions, password hashes) into every container, and whatever a
container writes to it is lost when the container is replaced. Keep the file out of the build context and put the
database on a volume (or use PostgreSQL). A file named otherwise (\`site.db\`) counts too when the settings name it
as their SQLite database.

\`\`\`
# .dockerignore
*.sqlite3
\`\`\`

\`\`\`python
# settings.py: the path comes from the environment and points into a volume
"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3"),
\`\`\`
`,
  related: [],
  check(project) {
    return filesCopiedIntoImage(
      project,
      (path, _dir, app) => isSqliteDatabaseOf(app)(path),
      (names, files, at) =>
        `This instruction copies the SQLite database ${names} into the image. Add ${ignoreAdvice(files, at.app.context)} to ${dockerignoreFileOf(at.app.context)} and keep the database in a volume.`,
    );
  },
  fix: {
    safety: 'safe',
    summary:
      "Leaves the SQLite files out of the build context: appends `*.sqlite3` (`**/*.sqlite3` for nested ones) to the .dockerignore, or creates one (as TF0102's fix) when there is none.",
    declines:
      'a COPY/ADD that names the database (or a pattern matching it) itself: with the file ignored, the build fails.',
    make: keepSqliteOutOfContext,
  },
});

/** The .dockerignore lines that leave `files` (repository paths) out: `*.sqlite3`, or a file named otherwise itself. */
function ignorePatterns(files: string[], context: BuildContext | undefined): string[] {
  const dir = context?.dir ?? '.';
  const inContext = files.map((f) => (dir === '.' ? f : posix.relative(dir, f)));
  const named = inContext.filter((f) => !isSqliteFile(f));
  return [
    ...(inContext.some((f) => isSqliteFile(f) && !f.includes('/')) ? ['*.sqlite3'] : []),
    ...(inContext.some((f) => isSqliteFile(f) && f.includes('/')) ? ['**/*.sqlite3'] : []),
    ...named,
  ];
}

function ignoreAdvice(files: string[], context: BuildContext | undefined): string {
  const named = ignorePatterns(files, context).filter((p) => !p.endsWith('*.sqlite3'));
  const parts = [
    ...(files.some(isSqliteFile) ? ["'*.sqlite3' (and '**/*.sqlite3' for nested ones)"] : []),
    ...named.map((p) => `'${p}'`),
  ];
  return parts.join(' and ');
}

function keepSqliteOutOfContext(context: FixContext): FixProposal | undefined {
  const { finding, project } = context;
  for (const app of project.apps) {
    const dockerfile = app.dockerfile;
    if (!dockerfile || !app.context || dockerfile.file !== finding.file) continue;
    const copy = dockerfile.builtStages
      .flatMap((s) => s.instructions)
      .find((i) => i.line === finding.line && (i.keyword === 'COPY' || i.keyword === 'ADD'));
    const isDatabase = isSqliteDatabaseOf(app);
    const reaching = filesReachingImage(app, isDatabase).find((r) => r.line === finding.line)?.files;
    if (!copy || !('sources' in copy) || !reaching) continue;
    // `COPY db.sqlite3 .` or `COPY *.sqlite3 .`: with the file ignored the build fails instead.
    if (copy.sources.some((s) => /[*?[]/.test(s) || isDatabase(s))) return undefined;
    // In the context's own terms: filesReachingImage gives context paths.
    const patterns = ignorePatterns(reaching, { ...app.context, dir: '.' });
    const named = patterns.filter((p) => !p.endsWith('*.sqlite3'));
    const ignore = app.context.dockerignore?.file;
    return ignore === undefined
      ? newDockerignore(context, app.context, named)
      : appendPatterns(context, ignore, patterns);
  }
  return undefined;
}
