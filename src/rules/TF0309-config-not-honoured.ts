import { defineRule } from './rule.js';

export const configNotHonoured = defineRule({
  id: 'TF0309',
  name: 'config-not-honoured',
  factor: 'III',
  severity: 'error',
  kind: 'D',
  title:
    'With DB_ENGINE=postgres the migrations do not land in the attached PostgreSQL (the app kept another database), or with DB_ENGINE=sqlite the app still needs the server',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
