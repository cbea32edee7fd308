import { defineRule } from './rule.js';

export const runtimeDataLost = defineRule({
  id: 'TF0604',
  name: 'runtime-data-lost',
  factor: 'VI',
  severity: 'error',
  kind: 'D',
  title:
    'A record written through the app in one container is gone after that container is replaced by a fresh one with the same volumes',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
