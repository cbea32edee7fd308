import { defineRule } from './rule.js';

export const depsInstalledAtStart = defineRule({
  id: 'TF0204',
  name: 'deps-installed-at-start',
  factor: 'II',
  severity: 'error',
  kind: 'S',
  title:
    'Dependencies are installed when the container starts: pip install, apt-get install, apk add in CMD/ENTRYPOINT, in a compose command/entrypoint, or in the entrypoint script the image runs',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
