import type { SourceTree } from '../discover/types.js';
import type { Project } from './types/project.js';

/** Builds the one Project value the rules read, from the discovered tree. Pure. */
export function buildProject(tree: SourceTree): Project {
  return { root: tree.root, apps: [], parseErrors: [], suppressions: [], suppressionProblems: [] };
}
