// Builds dist/ from src/ with esbuild: one self-contained ESM file per entry point, plus the CLI's launcher.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', 'cli-main': 'src/cli.ts', post: 'src/post.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [packageVersionOnly],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);",
  },
});

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
