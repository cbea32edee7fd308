import { defineRule } from './rule.js';

export const serviceImageUnpinned = defineRule({
  id: 'TF0205',
  name: 'service-image-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title: 'A compose service image: has no tag or :latest (e.g. postgres, postgres:latest)',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
