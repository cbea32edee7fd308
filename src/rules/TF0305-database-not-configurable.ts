import { defineRule } from './rule.js';

export const databaseNotConfigurable = defineRule({
  id: 'TF0305',
  name: 'database-not-configurable',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "DATABASES['default'] cannot be changed without editing code: no environment variable selects the engine (DB_ENGINE switch, DATABASE_URL via dj-database-url or django-environ, or equivalent)",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
