/** Which star-imported settings modules load wherever the settings run, and which only under a branch on a variable. */
import type { SettingsModel } from '../types/settings.js';

export type StarImportEdge = NonNullable<SettingsModel['starImportEdges']>[number];

// Import chains followed at most (a settings package selecting one of a few environment modules has a handful).
const MAX_PATHS = 32;

/** Every chain of star-imports from the settings module to `target`, without cycles. */
export function importPaths(edges: StarImportEdge[], root: string, target: string): StarImportEdge[][] {
  const out: StarImportEdge[][] = [];
  const walk = (at: string, path: StarImportEdge[]) => {
    if (out.length >= MAX_PATHS) return;
    for (const e of edges) {
      if (e.from !== at || path.some((p) => p.from === e.to) || e.to === root) continue;
      if (e.to === target) out.push([...path, e]);
      else walk(e.to, [...path, e]);
    }
  };
  walk(root, []);
  return out;
}

/**
 * Whether the selecting imports leave no environment out: every branch of each selecting module that loads a module
 * is among them, and one of them is an `else`.
 */
export function coversEvery(edges: StarImportEdge[], selecting: StarImportEdge[]): boolean {
  const importers = new Set(selecting.map((e) => e.from));
  return [...importers].every((from) => {
    const branches = edges.filter((e) => e.from === from && e.when);
    return branches.every((e) => selecting.includes(e)) && branches.some((e) => e.when!.text === 'else');
  });
}

/**
 * The modules the settings star-import only under a branch on an environment variable (`if "X" in os.environ:
 * from .x import *`), the variable left to the deploy: what they set holds only where that branch is taken.
 */
export function conditionallyLoaded(settings: SettingsModel): Set<string> {
  let out = loadedUnderBranch.get(settings);
  if (!out) loadedUnderBranch.set(settings, (out = computeConditionallyLoaded(settings)));
  return out;
}

// Settings are asked for many names in one run; their import edges do not change.
const loadedUnderBranch = new WeakMap<SettingsModel, Set<string>>();

function computeConditionallyLoaded(settings: SettingsModel): Set<string> {
  const edges = settings.starImportEdges ?? [];
  const out = new Set<string>();
  for (const file of new Set(edges.map((e) => e.to))) {
    if (file === settings.file) continue;
    const paths = importPaths(edges, settings.file, file);
    if (paths.length === 0 || paths.some((path) => !path.some((e) => e.when))) continue;
    if (
      !coversEvery(
        edges,
        paths.map((path) => path.find((e) => e.when)!),
      )
    )
      out.add(file);
  }
  return out;
}
