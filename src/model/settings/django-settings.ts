/** `from django.conf import settings` inside a settings module: `settings.X` while the settings are being loaded. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import type { PyValue } from './value.js';

export const DJANGO_SETTINGS = 'django.conf.settings';

// Sub-expressions of a test looked at, at most.
const MAX_NODES = 200;

/**
 * `settings.X` read in the module Django loads, X an upper-case name it has bound so far: Django imports that module
 * while the module runs and finds it half run in `sys.modules`, so X is what the module gave it (`ENV_STAGE` from
 * `from .base import *`). Undefined anywhere else (a module it imports, a name not bound yet: Django's default).
 */
export function loadedSettingValue(
  ev: ModuleEvaluation,
  prop: string,
  ctx: EvalContext,
): PyValue | undefined {
  if (ev.depth !== 0 || !/^[A-Z][A-Z0-9_]*$/.test(prop)) return undefined;
  return ctx.scope.get(prop)?.v;
}

/**
 * Whether a test reads `settings.X` of Django's settings object: during loading that is what the fragments (or a
 * `globals()` update from the environment) have set so far, else Django's default, which this analysis does not know.
 */
export function readsDjangoSettings(ev: ModuleEvaluation, test: SyntaxNode, ctx: EvalContext): boolean {
  const stack = [test];
  for (let seen = 0; stack.length > 0 && seen < MAX_NODES; seen++) {
    const node = stack.pop()!;
    const kids = childrenOf(node);
    if (node.name === 'MemberExpression' && kids[0]?.name === 'VariableName') {
      const bound = ctx.scope.get(ev.text(kids[0]))?.v;
      const prop = kids[1]?.name === '.' && kids[2] ? ev.text(kids[2]) : '';
      if (bound?.t === 'ref' && bound.name === DJANGO_SETTINGS && !loadedSettingValue(ev, prop, ctx))
        return true;
    }
    stack.push(...kids);
  }
  return false;
}
