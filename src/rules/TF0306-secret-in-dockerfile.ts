import { defineRule } from './rule.js';

export const secretInDockerfile = defineRule({
  id: 'TF0306',
  name: 'secret-in-dockerfile',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'ENV with a secret-looking name (*PASSWORD*, *SECRET*, *TOKEN*, *_KEY, *API_KEY*, *PRIVATE*) and a literal value; ARG of such a name as warning',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
