import { defineRule } from './rule.js';

export const fixedContainerName = defineRule({
  id: 'TF0802',
  name: 'fixed-container-name',
  factor: 'VIII',
  severity: 'notice',
  kind: 'S',
  title: 'The compose app service sets container_name, which prevents --scale',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
