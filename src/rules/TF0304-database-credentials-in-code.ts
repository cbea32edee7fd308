import { defineRule } from './rule.js';

export const databaseCredentialsInCode = defineRule({
  id: 'TF0304',
  name: 'database-credentials-in-code',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "A DATABASES entry for a server engine has a literal PASSWORD, USER or HOST not read from the environment; as notice when read from the environment with a literal fallback password (the pattern os.environ.get('DB_PASSWORD', 'django'))",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
