import { defineRule } from './rule.js';

export const sqlitePathFailed = defineRule({
  id: 'TF1001',
  name: 'sqlite-path-failed',
  factor: 'X',
  severity: 'error',
  kind: 'D',
  title: 'The image does not migrate and serve with DB_ENGINE=sqlite',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
