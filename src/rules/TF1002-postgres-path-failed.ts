import { defineRule } from './rule.js';

export const postgresPathFailed = defineRule({
  id: 'TF1002',
  name: 'postgres-path-failed',
  factor: 'X',
  severity: 'error',
  kind: 'D',
  title:
    'The image does not migrate and serve with DB_ENGINE=postgres against a fresh PostgreSQL attached only through environment variables',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
