import { defineRule } from './rule.js';

export const dockerignoreGaps = defineRule({
  id: 'TF0103',
  name: 'dockerignore-gaps',
  factor: 'I',
  severity: 'notice',
  kind: 'S',
  title:
    '.dockerignore exists but lets in things that exist in the context and do not belong in an image: .git, .env*, *.sqlite3, venv/.venv, __pycache__, node_modules',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
