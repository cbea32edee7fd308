/**
 * Whether the wsgi/asgi module a start command names is in the build context or the code compose mounts, and which one
 * the project has.
 */
import type { App } from '../../model/types/project.js';

/** `mysite.wsgi`, `config.asgi` as written in a command line (before `:application`). */
const MODULE_WORD = /(?<![\w.$/-])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.(?:wsgi|asgi))(?![\w.-])/g;
const SKIPPED = /(^|\/)(\.?venv|site-packages|node_modules|\.git)\//;

function moduleFiles(module: string): string[] {
  const path = module.replace(/\./g, '/');
  return [`${path}.py`, `${path}/__init__.py`];
}

/** The files of the context that define `module` under some directory (a --chdir or PYTHONPATH may name any). */
function defined(module: string, files: string[]): boolean {
  return moduleFiles(module).some((m) => files.some((f) => f === m || f.endsWith(`/${m}`)));
}

/** The one module of that kind (`wsgi`, `asgi`) the project holds, named from manage.py's directory. */
function projectModule(kind: string, app: App, files: string[]): string | undefined {
  const found = files.filter((f) => !SKIPPED.test(f) && (f === `${kind}.py` || f.endsWith(`/${kind}.py`)));
  if (found.length !== 1) return undefined;
  const manage = files.filter((f) => !SKIPPED.test(f) && /(^|\/)manage\.py$/.test(f));
  if (manage.length !== 1) return undefined;
  const root = manage[0].replace(/(^|\/)manage\.py$/, '');
  const rel =
    root === '' ? found[0] : found[0].startsWith(`${root}/`) ? found[0].slice(root.length + 1) : undefined;
  return rel?.replace(/\.py$/, '').replace(/\//g, '.');
}

/**
 * The message with a note on each wsgi/asgi module it names that the build context does not hold
 * (`your_app_module.wsgi` left from a template): replaced by the project's one when it has exactly one, else to be
 * named by hand. The message as it is when the context is not known or every module it names exists.
 */
export function withRealModules(app: App, message: string): string {
  const built = app.context?.files;
  if (!built || built.length === 0) return message;
  // The code compose bind-mounts (`./src:/src`, the script then `cd /src`) is what the container runs as well.
  const files = [...new Set([...built, ...(app.mountedFiles ?? [])])];
  const missing = [...new Set([...message.matchAll(MODULE_WORD)].map((m) => m[1]))].filter(
    (m) => !defined(m, files),
  );
  let out = message;
  const notes: string[] = [];
  for (const word of missing) {
    const kind = word.slice(word.lastIndexOf('.') + 1);
    const real = projectModule(kind, app, files);
    if (real) {
      out = out.replace(new RegExp(`(?<![\\w.$/-])${word.replace(/\./g, '\\.')}(?![\\w.-])`, 'g'), real);
      notes.push(
        `${word}, as the command names it, is no module of the repository: the project's is ${real}, written here in its place`,
      );
    } else
      notes.push(
        `${word}, as the command names it, is no module of the repository: write the project's ${kind} module in its place`,
      );
  }
  return notes.length === 0 ? out : `${out} (${notes.join('; ')}.)`;
}
