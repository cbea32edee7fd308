import { defineRule } from './rule.js';

export const sqliteDefaultEngine = defineRule({
  id: 'TF1003',
  name: 'sqlite-default-engine',
  factor: 'X',
  severity: 'notice',
  kind: 'S',
  title:
    'The engine falls back to SQLite when nothing is configured, so a production deploy that forgets DB_ENGINE silently runs on a file inside the container',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
