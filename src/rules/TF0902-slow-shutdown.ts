import { defineRule } from './rule.js';

export const slowShutdown = defineRule({
  id: 'TF0902',
  name: 'slow-shutdown',
  factor: 'IX',
  severity: 'warning',
  kind: 'D',
  title: 'Docker stop needs longer than the shutdown budget (default 5 s) or ends by SIGKILL',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
