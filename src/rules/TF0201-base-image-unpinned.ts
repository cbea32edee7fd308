import { defineRule } from './rule.js';

export const baseImageUnpinned = defineRule({
  id: 'TF0201',
  name: 'base-image-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title: 'A FROM (any stage, after ARG resolution) has no tag or :latest and no digest',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
