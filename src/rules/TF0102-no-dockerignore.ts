import { defineRule } from './rule.js';

export const noDockerignore = defineRule({
  id: 'TF0102',
  name: 'no-dockerignore',
  factor: 'I',
  severity: 'warning',
  kind: 'S',
  title: 'The whole context is copied (COPY . …, ADD . …) and there is no .dockerignore',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
