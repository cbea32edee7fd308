import { defineRule } from './rule.js';

export const invalidSuppression = defineRule({
  id: 'TF0002',
  name: 'invalid-suppression',
  factor: '0',
  severity: 'notice',
  kind: 'S',
  title: 'A suppression comment names an unknown rule or is malformed',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
