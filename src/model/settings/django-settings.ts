/** `from django.conf import settings` inside a settings module: `settings.X` while the settings are being loaded. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';

export const DJANGO_SETTINGS = 'django.conf.settings';

// Sub-expressions of a test looked at, at most.
const MAX_NODES = 200;

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
      if (bound?.t === 'ref' && bound.name === DJANGO_SETTINGS) return true;
    }
    stack.push(...kids);
  }
  return false;
}
