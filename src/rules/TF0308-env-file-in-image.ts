import { defineRule } from './rule.js';

export const envFileInImage = defineRule({
  id: 'TF0308',
  name: 'env-file-in-image',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'A .env-style file (.env, *.env, .env.*) that exists in the context reaches the image (explicit COPY, or COPY . not excluded by .dockerignore)',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
