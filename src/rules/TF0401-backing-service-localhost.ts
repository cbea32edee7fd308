import { defineRule } from './rule.js';

export const backingServiceLocalhost = defineRule({
  id: 'TF0401',
  name: 'backing-service-localhost',
  factor: 'IV',
  severity: 'warning',
  kind: 'S',
  title:
    "A database/cache/broker host is localhost, 127.0.0.1 or a literal IP, in settings (not from the environment) or in the app's compose environment: inside a container that is the container itself",
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
