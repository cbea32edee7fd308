import { defineRule } from './rule.js';

export const dependsOnUnhealthy = defineRule({
  id: 'TF0402',
  name: 'depends-on-unhealthy',
  factor: 'IV',
  severity: 'notice',
  kind: 'S',
  title:
    'The compose app depends_on its database without condition: service_healthy, or the database service has no healthcheck',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
