#!/usr/bin/env node
import module from 'node:module';
module.enableCompileCache?.();
const { cli } = await import('./cli-main.js');
process.exitCode = await cli(process.argv.slice(2));
