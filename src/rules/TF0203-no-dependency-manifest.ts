import { defineRule } from './rule.js';

export const noDependencyManifest = defineRule({
  id: 'TF0203',
  name: 'no-dependency-manifest',
  factor: 'II',
  severity: 'notice',
  kind: 'S',
  title:
    'The app image installs Python packages but from no manifest in the repository (requirements*.txt, pyproject.toml, Pipfile.lock, poetry.lock, uv.lock)',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
