import type { RawFinding } from '../../core/index.js';
import { filesReachingImage } from '../../model/context.js';
import type { Project } from '../../model/types/project.js';

/** Kinds of files several rules recognise. */

/** `.env`, `.env.production`, `prod.env`; templates meant to be committed (`.env.example`) carry no secrets. */
export function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!(name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4)))
    return false;
  return !/(example|sample|template|dist|default|defaults)/i.test(name);
}

export function isSqliteFile(path: string): boolean {
  return /\.sqlite3$/.test(path);
}

/** An override file, or one named for development or tests, is not what production runs. */
export function isDevelopmentComposeFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /(^|[._-])(override|dev|develop|development|local|test|tests|testing|ci)([._-]|$)/.test(name);
}

/** One finding per Dockerfile instruction that copies files `isWanted` picks into an image; `say` words it. */
export function filesCopiedIntoImage(
  project: Project,
  isWanted: (path: string) => boolean,
  say: (names: string, files: string[]) => string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const app of project.apps) {
    const file = app.dockerfile?.file;
    if (!file) continue;
    for (const { line, files } of filesReachingImage(app, isWanted)) {
      findings.push({ file, line, message: say(files.map((f) => `'${f}'`).join(', '), files) });
    }
  }
  return findings;
}
