import { defineRule } from './rule.js';

export const imageBuildFailed = defineRule({
  id: 'TF0502',
  name: 'image-build-failed',
  factor: 'V',
  severity: 'error',
  kind: 'D',
  title: 'Docker build of the app image fails; the finding carries the failing step and the tail of the log',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
