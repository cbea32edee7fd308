import { defineRule } from './rule.js';

export const configVarMismatch = defineRule({
  id: 'TF0310',
  name: 'config-var-mismatch',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "Settings require an environment variable (os.environ['X'], or os.environ.get('X') with no default used for a required value) that neither the Dockerfile nor the compose service of the app provides, while a similarly named one is provided (DB_PASS vs DB_PASSWORD)",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
