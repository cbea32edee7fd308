import { defineRule } from './rule.js';

export const devServer = defineRule({
  id: 'TF0801',
  name: 'dev-server',
  factor: 'VIII',
  severity: 'error',
  kind: 'S',
  title:
    "The container runs manage.py runserver (Django's development server), directly or from the entrypoint script it runs",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
