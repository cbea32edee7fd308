import { defineRule } from './rule.js';

export const deployCheck = defineRule({
  id: 'TF1302',
  name: 'deploy-check',
  factor: 'XIII',
  severity: 'warning',
  kind: 'D',
  title:
    "Django's manage.py check --deploy reports a warning or error in the built image (one finding per check id, e.g. security.W018, message carries the id)",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
