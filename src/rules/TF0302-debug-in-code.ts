import { defineRule } from './rule.js';

export const debugInCode = defineRule({
  id: 'TF0302',
  name: 'debug-in-code',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title: 'DEBUG = True literally, or DEBUG read from the environment with a default that makes it true',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
