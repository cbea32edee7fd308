// dist/cli.js: loads the CLI's bundle (dist/cli-main.cjs) through V8's code cache. Node's own compile cache keeps
// only what is compiled before the bundle runs; a cache made after a run also holds every function the analysis
// compiled, which is most of a short run's work.
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import {
  cacheDirectory,
  cacheFileName,
  privateDirectory,
  readCache,
  runsInCi,
  writeCache,
} from './code-cache.js';

/** The bundle's content hash, written in by scripts/bundle.mjs: a cache made for another bundle is never read. */
declare const CLI_BUNDLE_HASH: string;

interface CliModule {
  cli(argv: string[]): Promise<number>;
}

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'cli-main.cjs');
const argv = process.argv.slice(2);
const uid = process.getuid?.() ?? -1;
const dir = cacheDirectory({
  compileCacheDir: process.env.NODE_COMPILE_CACHE || undefined,
  disabled: process.env.NODE_DISABLE_COMPILE_CACHE === '1' || uid < 0,
  ci: runsInCi(process.env),
  tmpdir: tmpdir(),
  uid,
});
const cacheDir = dir && privateDirectory(dir, uid);
const name = cacheFileName(CLI_BUNDLE_HASH, process.version, process.arch);
const cached = cacheDir ? readCache(join(cacheDir, name), uid) : undefined;

const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData: cached,
});
const mod = { exports: {} as CliModule };
(script.runInThisContext() as (...args: unknown[]) => void)(
  mod.exports,
  createRequire(bundle),
  mod,
  bundle,
  dirname(bundle),
);
process.exitCode = await mod.exports.cli(argv);

// Made after the run, so it holds what the run compiled; a run that only prints help or the version compiles little.
const analysed = !argv.some((a) => a === '--version' || a === '--help' || a === '-h');
if (cacheDir && analysed && (!cached || script.cachedDataRejected))
  writeCache(cacheDir, name, script.createCachedData());
