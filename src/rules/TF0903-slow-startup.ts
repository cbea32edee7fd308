import { defineRule } from './rule.js';

export const slowStartup = defineRule({
  id: 'TF0903',
  name: 'slow-startup',
  factor: 'IX',
  severity: 'notice',
  kind: 'D',
  title: 'Time from container start to first HTTP answer exceeds the startup budget (default 20 s)',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
