import { defineRule } from './rule.js';

export const sourceNotInContext = defineRule({
  id: 'TF0101',
  name: 'source-not-in-context',
  factor: 'I',
  severity: 'warning',
  kind: 'S',
  title:
    'The build context of the app image does not contain the Django project (manage.py), or app code is fetched inside the build (git clone, ADD https://… of source, curl … | tar) instead of coming from the repository next to the Dockerfile',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
