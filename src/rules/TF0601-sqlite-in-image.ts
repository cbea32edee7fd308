import { defineRule } from './rule.js';

export const sqliteInImage = defineRule({
  id: 'TF0601',
  name: 'sqlite-in-image',
  factor: 'VI',
  severity: 'error',
  kind: 'S',
  title: 'An SQLite database file that exists in the context (*.sqlite3, db.sqlite3) reaches the image',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
