import { defineRule } from './rule.js';

export const migrateOneOffFailed = defineRule({
  id: 'TF1201',
  name: 'migrate-one-off-failed',
  factor: 'XII',
  severity: 'error',
  kind: 'D',
  title: 'Manage.py migrate run as a one-off container from the same image and environment fails',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
