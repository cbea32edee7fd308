import { defineRule } from './rule.js';

export const runsAsRoot = defineRule({
  id: 'TF1301',
  name: 'runs-as-root',
  factor: 'XIII',
  severity: 'warning',
  kind: 'S',
  title: 'The target stage has no USER, or its last USER is root/0',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
