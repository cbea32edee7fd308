/** Binding a name in a module's scope: a setting name also records its assignment, with the origins it keeps. */
import type { Binding, EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import { requireValue, type PyValue } from './value.js';

/** Names that are settings (Django reads only upper-case module attributes). */
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;
// A setting assigned in more conditional branches than this keeps only its latest origins (liveness of older ones is lost).
const MAX_ORIGINS = 64;

// Names a project's root directory goes by when it is not BASE_DIR (ROOT_DIR, PROJECT_ROOT, PROJECT_DIR, SITE_ROOT).
const ROOT_NAME = /^(ROOT|PROJECT|SITE|REPO)_?(DIR|ROOT|PATH)$/;

export function unionOrigins(lists: number[][]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const i of list) all.add(i);
  const out = [...all].sort((a, b) => a - b);
  return out.length > MAX_ORIGINS ? out.slice(-MAX_ORIGINS) : out;
}

/** Binds a name; a setting name also records the assignment, which the binding then points at. */
export function bind(
  ev: ModuleEvaluation,
  name: string,
  v: PyValue,
  ctx: EvalContext,
  line: number,
  replace: boolean,
): void {
  const previous: Binding | undefined = ctx.scope.get(name);
  let origins: number[] = [];
  if (ctx.inFunction) {
    ctx.scope.set(name, { v, origins });
    return;
  }
  if (SETTING_NAME.test(name)) {
    const index =
      ev.recorded.push({
        ...(ev.depth > 0 ? { file: ev.file } : {}),
        name,
        line,
        endLine: Math.max(line, ev.statementEndLine),
        v,
        cond: ctx.cond,
        condText: ctx.condText,
        ...(ctx.branchTest ? { branchTest: ctx.branchTest } : {}),
        inBranch: ctx.inBranch,
        ...(ctx.inBranch && ctx === ev.rootContext ? { loadedInBranch: true } : {}),
        activeWhenUnset: ctx.activeWhenUnset,
      }) - 1;
    origins = replace ? [index] : unionOrigins([previous?.origins ?? [], [index]]);
  }
  ctx.scope.set(name, { v, origins });
  if (name === 'SECRET_KEY') requireValue(v);
  // A top-level statement of a module imported in a branch still says where the project is.
  if ((!ctx.inBranch || ctx === ev.rootContext) && v.t === 'path' && v.base === 'repo') {
    if (name === 'BASE_DIR') ev.baseDirParts = v.parts;
    else if (ev.rootDirParts === undefined && ROOT_NAME.test(name)) ev.rootDirParts = v.parts;
  }
}
