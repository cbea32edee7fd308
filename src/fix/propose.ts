import type { Finding, RunFacts } from '../core/index.js';
import type { Overlay } from '../discover/index.js';
import type { Project } from '../model/types/project.js';
import { RULES } from '../rules/registry.js';
import { readText } from './files.js';
import { INFORMED_FIXERS } from './informed/index.js';
import { repositoryPrefix } from './patch.js';
import { publishedFixes, type PublishedFixes } from './publish.js';
import { runFixes } from './run.js';

/**
 * Every rule's fixes for the scanned directory, each proven by analysing the directory with it applied (`analyze`
 * of an overlay of the changed files), as the report publishes them and as one whole patch. `knownSecret` tells
 * whether a text holds a secret the run knows (tokens, credentials); `run` is what the smoke run saw and found, for
 * the fixes only it can make.
 */
export async function proposeFixes(
  root: string,
  analyze: (overlay: Overlay) => Promise<{ project: Project; findings: Finding[] }>,
  knownSecret: (text: string) => boolean,
  debug: (message: string) => void,
  run: { facts?: RunFacts; findings?: Finding[] } = {},
): Promise<PublishedFixes> {
  const read = (file: string) => readText(root, file);
  const informed = new Set(run.facts ? INFORMED_FIXERS.map((f) => f.ruleId) : []);
  const result = await runFixes(
    { analyze, read, debug },
    {
      rules: RULES.filter((r) => r.fix || informed.has(r.id)),
      ...(run.facts ? { facts: run.facts } : {}),
      ...(run.findings ? { dynamicFindings: run.findings } : {}),
    },
  );
  return publishedFixes(result, read, repositoryPrefix(root), knownSecret);
}
