export type { ShellCommand, ShellAssignment, ShellCondition, ShellScript } from '../../parse/types.js';
