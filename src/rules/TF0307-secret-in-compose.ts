import { defineRule } from './rule.js';

export const secretInCompose = defineRule({
  id: 'TF0307',
  name: 'secret-in-compose',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    'A compose environment: or build.args entry with a secret-looking name has a literal value instead of ${VAR} interpolation, env_file or secrets:',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
