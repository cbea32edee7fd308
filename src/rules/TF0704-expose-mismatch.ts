import { defineRule } from './rule.js';

export const exposeMismatch = defineRule({
  id: 'TF0704',
  name: 'expose-mismatch',
  factor: 'VII',
  severity: 'warning',
  kind: 'S',
  title: 'The port in EXPOSE differs from the port the server command binds',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
