import type { Finding } from '../core/index.js';
import type { Project } from '../model/types/project.js';
import { RULES } from '../rules/registry.js';
import { makeScratch, readText } from './files.js';
import { repositoryPrefix } from './patch.js';
import { publishedFixes, type PublishedFixes } from './publish.js';
import { runFixes } from './run.js';

/**
 * Every rule's fixes for the scanned directory, proven on scratch copies, as the report publishes them and as one
 * whole patch. `knownSecret` tells whether a text holds a secret the run knows (tokens, credentials).
 */
export async function proposeFixes(
  root: string,
  analyze: (dir: string) => Promise<{ project: Project; findings: Finding[] }>,
  knownSecret: (text: string) => boolean,
  debug: (message: string) => void,
  maxScratchEntries?: number,
): Promise<PublishedFixes> {
  const read = (file: string) => readText(root, file);
  const result = await runFixes(
    { analyze, read, scratch: () => makeScratch(root, maxScratchEntries), debug },
    { rules: RULES.filter((r) => r.fix) },
  );
  return publishedFixes(result, read, repositoryPrefix(root), knownSecret);
}
