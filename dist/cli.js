import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);

// src/cli.ts
async function cli(argv) {
  void argv;
  return 0;
}
process.exitCode = await cli(process.argv.slice(2));
export {
  cli
};
