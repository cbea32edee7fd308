import { defineRule } from './rule.js';

export const noPortDeclared = defineRule({
  id: 'TF0701',
  name: 'no-port-declared',
  factor: 'VII',
  severity: 'notice',
  kind: 'S',
  title: 'The target stage has no EXPOSE and the compose app service has no ports/expose',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
