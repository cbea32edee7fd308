// Builds dist/ from src/ with esbuild: one self-contained ESM file per entry point, plus the CLI's launcher.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', 'cli-main': 'src/cli.ts', post: 'src/post.ts' },
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
  plugins: [packageVersionOnly, shellParserApart, oidcClientOnUse, builtinsByRequire],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);",
  },
});

copyFileSync('node_modules/mvdan-sh/index.js', `dist/${MVDAN_SH}`);

// The CLI starts often and briefly: compiling its multi-megabyte bundle is most of a run, so the launcher turns on
// Node's on-disk compile cache (Node 22.1+; a no-op before) before it loads the bundle.
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node
import module from 'node:module';
module.enableCompileCache?.();
const { cli } = await import('./cli-main.js');
process.exitCode = await cli(process.argv.slice(2));
`,
);
