import { defineRule } from './rule.js';

export const shellFormCommand = defineRule({
  id: 'TF0901',
  name: 'shell-form-command',
  factor: 'IX',
  severity: 'warning',
  kind: 'S',
  title:
    'CMD/ENTRYPOINT in shell form, or an entrypoint script that starts the server without exec: PID 1 is a shell and SIGTERM does not reach the server',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
