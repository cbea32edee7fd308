import { defineRule } from './rule.js';

export const noHealthcheck = defineRule({
  id: 'TF0904',
  name: 'no-healthcheck',
  factor: 'IX',
  severity: 'notice',
  kind: 'S',
  title: 'No HEALTHCHECK in the target stage and none on the compose app service',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
