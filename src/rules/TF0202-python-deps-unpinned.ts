import { defineRule } from './rule.js';

export const pythonDepsUnpinned = defineRule({
  id: 'TF0202',
  name: 'python-deps-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title:
    'Pip install NAME in a RUN without an exact version (==/===), or a requirements file the image installs has a line without an exact pin or hash',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
