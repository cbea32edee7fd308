export type { ShellCommand, ShellScript } from '../../parse/types.js';
