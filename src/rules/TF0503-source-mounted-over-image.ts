import { defineRule } from './rule.js';

export const sourceMountedOverImage = defineRule({
  id: 'TF0503',
  name: 'source-mounted-over-image',
  factor: 'V',
  severity: 'notice',
  kind: 'S',
  title:
    'The compose app service bind-mounts the repository (.:/app) over the code in the image, so what runs is not the built release',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
