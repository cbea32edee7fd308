export type { ShellCommand, ShellAssignment, ShellScript } from '../../parse/types.js';
