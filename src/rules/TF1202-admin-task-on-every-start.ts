import { defineRule } from './rule.js';

export const adminTaskOnEveryStart = defineRule({
  id: 'TF1202',
  name: 'admin-task-on-every-start',
  factor: 'XII',
  severity: 'notice',
  kind: 'S',
  title:
    'The server start command also runs migrate (e.g. migrate && gunicorn), so every replica races to migrate on each start',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
