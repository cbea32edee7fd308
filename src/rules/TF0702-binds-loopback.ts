import { defineRule } from './rule.js';

export const bindsLoopback = defineRule({
  id: 'TF0702',
  name: 'binds-loopback',
  factor: 'VII',
  severity: 'error',
  kind: 'S',
  title:
    'The server command listens on 127.0.0.1/localhost only (e.g. manage.py runserver with no address, gunicorn -b 127.0.0.1:8000): unreachable from outside the container',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
