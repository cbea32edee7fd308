// Builds dist/ from src/ with esbuild: one self-contained ESM file per entry point, plus the CLI's launcher.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lezerTablesDecoded } from './lezer-tables.mjs';

const PACKAGE_JSON = resolve('package.json');
const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));

/** The bundle gets package.json's version only, so a new script or dependency does not make dist/ stale. */
const packageVersionOnly = {
  name: 'package-version-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) =>
      args.path === PACKAGE_JSON ? { contents: JSON.stringify({ version }), loader: 'json' } : undefined,
    );
  },
};

/**
 * mvdan-sh (1.5 MB of GopherJS) is loaded only when a script needs the full shell parser: kept out of the bundles as
 * its own file, which src/parse/shell.ts requires on first use, so a run that never needs it never reads it.
 */
const MVDAN_SH = 'mvdan-sh.cjs';
const shellParserApart = {
  name: 'shell-parser-apart',
  setup(b) {
    b.onResolve({ filter: /^mvdan-sh$/ }, () => ({ path: `./${MVDAN_SH}`, external: true }));
  },
};

/**
 * @actions/core loads its OIDC client, and with it the HTTP client and undici (about 800 kB), when it loads; only
 * getIDToken uses it, which this action never calls: it stands behind a dynamic import, in a chunk of its own.
 */
const OIDC_UTILS = /[\\/]@actions[\\/]core[\\/]lib[\\/]oidc-utils\.js$/;
const oidcClientOnUse = {
  name: 'oidc-client-on-use',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) => {
      const path = resolve(dirname(args.importer), args.path);
      if (!OIDC_UTILS.test(path)) return undefined;
      return { path, namespace: 'oidc-client-on-use' };
    });
    b.onLoad({ filter: /.*/, namespace: 'oidc-client-on-use' }, (args) => ({
      contents: `export const OidcClient = {
  getIDToken: async (audience) => (await import(${JSON.stringify(args.path)})).OidcClient.getIDToken(audience),
};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Node's built-in modules through require(), not import: an import evaluates every export of the module's ESM face,
 * and with them the lazy ones (node:fs its promises API and readline, node:util streams and worker_threads), which
 * the analysis never uses. Named imports then read the module's properties when used, as CommonJS does.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin-by-require' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** The launcher's built-ins: Node 20.16+ hands them out without a module system's help. */
const builtinsByGetter = {
  name: 'builtins-by-getter',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'builtin-by-getter' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-by-getter' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Every output in ASCII: Node reads a source as UTF-8, and one non-ASCII byte makes the whole 1 MB source a two-byte
 * string, slower to read, to scan and to compile. esbuild escapes non-ASCII characters in code but leaves those of
 * comments: they become \u escapes (in code, a \u escape would mean the same character).
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts' },
  outdir: 'dist',
  bundle: true,
  // Code the entries share, and what the CLI imports only for --smoke, go to chunks of their own: each path loads
  // what it uses. Chunks sit beside the entries, so the shell parser's `./mvdan-sh.cjs` resolves from either.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [packageVersionOnly, shellParserApart, oidcClientOnUse, builtinsByRequire, lezerTablesDecoded],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);",
  },
});

for (const file of readdirSync('dist')) if (file.endsWith('.js')) asciiOnly(`dist/${file}`);
copyFileSync('node_modules/mvdan-sh/index.js', `dist/${MVDAN_SH}`);

/**
 * The CLI starts often and briefly, and most of a short run is V8 compiling the functions it calls. The CLI is one
 * CommonJS file, which dist/cli.js (src/cli-launcher.ts) runs through a V8 code cache made after a run: what the
 * smoke stage adds is in it, behind esbuild's lazy module initialisers, and runs only for --smoke.
 */
await build({
  entryPoints: { 'cli-main': 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [packageVersionOnly, shellParserApart, lezerTablesDecoded],
  define: { 'import.meta.url': '__tfrBundleUrl' },
  banner: { js: "const __tfrBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

asciiOnly('dist/cli-main.cjs');
const cliHash = createHash('sha256').update(readFileSync('dist/cli-main.cjs')).digest('hex').slice(0, 16);
await build({
  entryPoints: { cli: 'src/cli-launcher.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Built-ins through process.getBuiltinModule: an ESM import of one builds its whole ESM face first.
  plugins: [builtinsByGetter],
  define: { CLI_BUNDLE_HASH: JSON.stringify(cliHash) },
  banner: { js: '#!/usr/bin/env node' },
});
