/** Names a settings module imports from the project's own modules (`from .secrets import SECRET_KEY`). */
import type { Scope } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import type { PyValue } from './value.js';

/**
 * A name imported from a project module, as that module sets it (`from .secrets import SECRET_KEY`), or the module
 * itself (`from . import secrets`, `from conf import values as V`); undefined when it is not a project module.
 */
export function projectName(
  ev: ModuleEvaluation,
  moduleName: string,
  name: string,
  line: number,
): PyValue | undefined {
  // env and BASE_DIR keep their well-known meaning, unless a module of that name is imported (`from . import env`)
  // or the module builds its own django-environ Env (`env = environ.Env(HOSTS=(list, []))`, scheme and all).
  const wellKnown = name === 'env' || name === 'BASE_DIR';
  const scope =
    name === 'BASE_DIR' || moduleName.replace(/\.+$/, '') === '' ? undefined : ev.importModule(moduleName);
  const bound = scope?.get(name);
  if (bound && (!wellKnown || bound.v.t === 'envobj')) return bound.v;
  const submodule = ev.importModule(
    moduleName.endsWith('.') ? `${moduleName}${name}` : `${moduleName}.${name}`,
  );
  return submodule ? moduleValue(submodule, line) : undefined;
}

/** A project module as a value: its public names read as attributes (`V.SECRET_KEY`, `secrets.getter(...)`). */
export function moduleValue(scope: Scope, line: number): PyValue {
  return {
    t: 'dict',
    entries: [...scope]
      .filter(([n]) => !n.startsWith('_'))
      .map(([key, b]) => ({ key, value: b.v, line: b.v.line })),
    line,
    attributes: true,
  };
}

/** Library modules whose `env`/`BASE_DIR` are theirs (environs' ready-made Env), not a project's django-environ one. */
const LIBRARY_MODULES = /^(environs|environ|decouple|django|os|pathlib|dotenv)(\.|$)/;

export function isProjectModule(moduleName: string): boolean {
  return moduleName.startsWith('.') || !LIBRARY_MODULES.test(moduleName);
}
