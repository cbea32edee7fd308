import { defineRule } from './rule.js';

export const parseError = defineRule({
  id: 'TF0001',
  name: 'parse-error',
  factor: '0',
  severity: 'warning',
  kind: 'S',
  title: 'A Dockerfile, compose file or settings module cannot be parsed; the rest of the analysis goes on',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
