import { defineRule } from './rule.js';

export const portUnreachable = defineRule({
  id: 'TF0703',
  name: 'port-unreachable',
  factor: 'VII',
  severity: 'error',
  kind: 'D',
  title: 'The started app never answers HTTP on its port within the start timeout',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
