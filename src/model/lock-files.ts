/** Lock files of Python installers, the manifest each is resolved from, and a COPY that names one. */
import { normalizeRelative } from '../discover/classify.js';
import type { CopyInstr, Stage } from './types/dockerfile.js';

/** The manifest each lock file is resolved from, beside it. */
export const MANIFEST_OF_LOCK: Record<string, string> = {
  'poetry.lock': 'pyproject.toml',
  'uv.lock': 'pyproject.toml',
  'pdm.lock': 'pyproject.toml',
  'Pipfile.lock': 'Pipfile',
};

/**
 * The line of a COPY/ADD from the context, before instruction `before` of `stage`, that names `contextPath` itself
 * (no wildcard, as in `COPY pyproject.toml poetry.lock ./`): a build without that file stops there.
 */
export function copiedByName(
  stage: Stage,
  contextPath: string,
  before = stage.instructions.length,
): number | undefined {
  for (const ins of stage.instructions.slice(0, before)) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const copy = ins as CopyInstr;
    if (copy.fromStage !== undefined || copy.fromImage || copy.onbuildOf || copy.sourcePatterns) continue;
    const named = copy.sources.some(
      (s) => !/[*?[$]/.test(s) && normalizeRelative(s.replace(/^\/+/, '')) === contextPath,
    );
    if (named) return copy.line;
  }
  return undefined;
}
