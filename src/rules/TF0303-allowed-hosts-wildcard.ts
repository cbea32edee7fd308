import { defineRule } from './rule.js';

export const allowedHostsWildcard = defineRule({
  id: 'TF0303',
  name: 'allowed-hosts-wildcard',
  factor: 'III',
  severity: 'notice',
  kind: 'S',
  title: "ALLOWED_HOSTS is literally ['*'] (not from the environment)",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
