// The mvdan-sh shell parser, loaded on first use.
import { createRequire } from 'node:module';
import type MvdanSh from 'mvdan-sh';
import type { Node } from 'mvdan-sh';

let sh: typeof MvdanSh;

/**
 * mvdan-sh (a 1.5 MB GopherJS build) costs more to load than a small project's whole analysis, and plain scripts never
 * need it: it is loaded on the first script that does. The bare `require` is what esbuild turns into a lazy load of
 * the bundled module; tsx runs the sources as ESM, without one.
 */
export function loadSh(): typeof MvdanSh {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bare require is the lazy load esbuild bundles
  sh ??= typeof require === 'function' ? require('mvdan-sh') : createRequire(import.meta.url)('mvdan-sh');
  return sh;
}

/** The syntax node type of a node (`CallExpr`, `Lit`, …), once the parser is loaded. */
export function nodeType(node: Node): string {
  return loadSh().syntax.NodeType(node);
}
