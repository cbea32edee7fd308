import { defineRule } from './rule.js';

export const secretKeyInCode = defineRule({
  id: 'TF0301',
  name: 'secret-key-in-code',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'SECRET_KEY is a string literal; as warning when it is read from the environment but falls back to a literal',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
