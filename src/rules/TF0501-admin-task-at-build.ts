import { defineRule } from './rule.js';

export const adminTaskAtBuild = defineRule({
  id: 'TF0501',
  name: 'admin-task-at-build',
  factor: 'V',
  severity: 'error',
  kind: 'S',
  title:
    'A RUN executes manage.py migrate, createsuperuser, loaddata or flush: runtime data is made at build time and baked into the image',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
