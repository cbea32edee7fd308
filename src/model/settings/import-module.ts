/** `importlib.import_module(...)` of a settings module, and its names copied in with `globals()`, as a star-import. */
import type { SyntaxNode } from '@lezer/common';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import type { CallArgs, PyValue } from './value.js';

/** Prefix of the reference a module loaded by `importlib.import_module` evaluates to. */
export const IMPORTED_MODULE = 'module:';

/** `importlib.import_module(f"config.settings.{ENV}")`: a reference to the module, whose names `globals().update` takes. */
export function importModule(ev: ModuleEvaluation, args: CallArgs, line: number): PyValue | undefined {
  const name = args.pos[0] ?? args.kw.get('name');
  const module = name && ev.moduleNamed(name, args.pos[1] ?? args.kw.get('package'));
  return module ? { t: 'ref', name: `${IMPORTED_MODULE}${module}`, line } : undefined;
}

/**
 * `globals().update(vars(module))`, or `for k in dir(module): globals()[k] = getattr(module, k)`, of a module loaded
 * by `importlib.import_module`: its names join this module's, as `from module import *` does.
 */
export function copiesModuleNames(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): boolean {
  const text = ev.text(node).replace(/\s+/g, ' ');
  if (!/globals\(\) ?(\.update\(|\[)/.test(text)) return false;
  const named =
    node.name === 'ForStatement'
      ? (/^for [\w, ]+ in (?:dir|vars)\((\w+)\)/.exec(text) ?? /^for [\w, ]+ in (\w+)\.__dict__/.exec(text))
      : /^globals\(\) ?\.update\((?:.*\bvars\((\w+)\)|.*?\b(\w+)\.__dict__)/.exec(text);
  const name = named?.[1] ?? named?.[2];
  const v = name ? ctx.scope.get(name)?.v : undefined;
  if (v?.t !== 'ref' || !v.name.startsWith(IMPORTED_MODULE)) return false;
  const module = v.name.slice(IMPORTED_MODULE.length);
  ev.starImports.push({ module, line: ev.line(node) });
  ev.importStar(module, ctx);
  return true;
}
