/** The evaluator of Python import statements: `import a.b as c`, `from M import a as b, *`. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import { platformConstant } from './container-platform.js';
import { isProjectModule, moduleValue, projectName } from './project-modules.js';
import { bind } from './binding.js';
import type { PyValue } from './value.js';

export function execImport(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  if (kids[0]?.name === 'from') execFromImport(ev, kids, ctx, ev.line(node));
  else execPlainImport(ev, kids, ctx, ev.line(node));
}

/** `from M import a as b, *`. */
function execFromImport(ev: ModuleEvaluation, kids: SyntaxNode[], ctx: EvalContext, line: number): void {
  const importAt = kids.findIndex((c) => c.name === 'import');
  if (importAt < 0) return;
  const moduleName = kids
    .slice(1, importAt)
    .map((c) => (c.name === 'Ellipsis' ? '...' : ev.text(c)))
    .join('');
  const names = kids.slice(importAt + 1).filter((c) => c.name !== '(' && c.name !== ')');
  for (let i = 0; i < names.length; i++) {
    const c = names[i];
    if (c.name === '*') {
      ev.starImports.push({ module: moduleName, line });
      ev.importStar(moduleName, ctx);
      continue;
    }
    if (c.name !== 'VariableName') continue;
    let alias = ev.text(c);
    const imported = alias;
    if (names[i + 1]?.name === 'as' && names[i + 2]) {
      alias = ev.text(names[i + 2]);
      i += 2;
    }
    // From a project module (a sibling settings module, `config.env`) only the well-known names are understood:
    // env (django-environ), BASE_DIR.
    const fromProject = isProjectModule(moduleName);
    const own = fromProject ? projectName(ev, moduleName, imported, line) : undefined;
    const v: PyValue = own
      ? own
      : fromProject && imported === 'env'
        ? { t: 'envobj', scheme: new Map(), line }
        : fromProject && imported === 'BASE_DIR'
          ? { t: 'path', base: 'BASE_DIR', parts: [], line }
          : moduleName.startsWith('.')
            ? ev.unknown(c)
            : (platformConstant(`${moduleName}.${imported}`, line) ?? {
                t: 'ref',
                name: `${moduleName}.${imported}`,
                line,
              });
    // A setting imported from a project module is set here, as Django sees it: recorded like an assignment.
    if (own) bind(ev, alias, own, ctx, line, true);
    else ctx.scope.set(alias, { v, origins: [] });
    if (moduleName === 'decouple' && !ev.dotenvLoads.some((d) => d.via === 'python-decouple'))
      ev.dotenvLoads.push({ via: 'python-decouple', line });
  }
}

/** `import a.b.c [as d], e`. */
function execPlainImport(ev: ModuleEvaluation, kids: SyntaxNode[], ctx: EvalContext, line: number): void {
  let dotted: string[] = [];
  let alias: string | undefined;
  const flush = () => {
    if (dotted.length === 0) return;
    const full = dotted.join('.');
    // A project module (`import secrets` beside manage.py): its names, as `from . import secrets` gives them.
    const own = alias || dotted.length === 1 ? ev.importModule(full) : undefined;
    if (own) ctx.scope.set(alias ?? full, { v: moduleValue(own, line), origins: [] });
    else if (alias) ctx.scope.set(alias, { v: { t: 'ref', name: full, line }, origins: [] });
    else ctx.scope.set(dotted[0], { v: { t: 'ref', name: dotted[0], line }, origins: [] });
    dotted = [];
    alias = undefined;
  };
  for (let i = 1; i < kids.length; i++) {
    const c = kids[i];
    if (c.name === ',') flush();
    else if (c.name === 'as' && kids[i + 1]) alias = ev.text(kids[++i]);
    else if (c.name === 'VariableName') dotted.push(ev.text(c));
  }
  flush();
}
