import { defineRule } from './rule.js';

export const volumeOverSource = defineRule({
  id: 'TF0605',
  name: 'volume-over-source',
  factor: 'VI',
  severity: 'warning',
  kind: 'S',
  title:
    'A VOLUME or compose volume is mounted on the directory holding the application code, so old code survives in the volume across releases',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
