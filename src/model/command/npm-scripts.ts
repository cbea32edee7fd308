/** `npm run NAME` in a RUN: the commands of package.json's scripts it runs, followed through nested `npm run`. */
import { parseShell } from '../../parse/shell.js';
import { basename } from './servers.js';

const MAX_DEPTH = 8;
// npm runs these scripts of the package itself on `npm install` / `npm ci`.
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/**
 * The scripts of package.json an argv runs: `npm run NAME` (`npm run-script`, `pnpm run`, `yarn run NAME`,
 * `yarn NAME`), `npm start`/`npm test`, the install scripts for `npm install`/`npm ci`; undefined for no npm command.
 */
export function npmScriptsRun(argv: string[]): string[] | undefined {
  const words = argv[0] === 'exec' ? argv.slice(1) : argv;
  const program = basename(words[0] ?? '');
  if (!['npm', 'pnpm', 'yarn'].includes(program)) return undefined;
  const rest = words.slice(1).filter((w) => !w.startsWith('-'));
  const [verb, name] = rest;
  if (verb === 'run' || verb === 'run-script') return name ? [name] : [];
  if (['start', 'test', 'stop', 'restart'].includes(verb ?? '')) return [verb!];
  if (['install', 'i', 'ci'].includes(verb ?? '') || (program === 'yarn' && verb === undefined))
    return rest.length <= 1 ? INSTALL_SCRIPTS : [];
  if (program === 'yarn' && verb && !['add', 'remove', 'global', 'config', 'cache'].includes(verb))
    return [verb];
  return [];
}

/** The scripts object of a package.json text; empty when it does not parse or holds none. */
export function packageScripts(text: string): Record<string, string> {
  try {
    const scripts: unknown = (JSON.parse(text) as { scripts?: unknown }).scripts;
    if (!scripts || typeof scripts !== 'object') return {};
    return Object.fromEntries(
      Object.entries(scripts).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * The argv of every command the named scripts run, in order: `preNAME`, NAME, `postNAME`, each script's own
 * `npm run X` followed in its place. Bounded in depth; each script is entered once.
 */
export function npmScriptCommands(scripts: Record<string, string>, names: string[]): string[][] {
  const out: string[][] = [];
  // Each script is expanded once: a cycle ends, and scripts that share others cannot multiply the work.
  const entered = new Set<string>();
  const run = (name: string, depth: number): void => {
    const body = scripts[name];
    if (body === undefined || entered.has(name) || depth > MAX_DEPTH) return;
    entered.add(name);
    for (const c of parseShell(body).commands) {
      const nested = npmScriptsRun(c.argv);
      if (nested && nested.length > 0) for (const n of nested) runWithHooks(n, depth + 1);
      else if (!nested) out.push(c.argv);
    }
  };
  const runWithHooks = (name: string, depth: number): void => {
    const hooks = INSTALL_SCRIPTS.includes(name) ? [name] : [`pre${name}`, name, `post${name}`];
    for (const n of hooks) run(n, depth);
  };
  for (const name of names) runWithHooks(name, 0);
  return out;
}
