import { defineRule } from './rule.js';

export const postgresDataNotInVolume = defineRule({
  id: 'TF0603',
  name: 'postgres-data-not-in-volume',
  factor: 'VI',
  severity: 'warning',
  kind: 'S',
  title: 'A compose PostgreSQL (or MySQL/MariaDB) service mounts no named volume at its data directory',
  help: 'TODO',
  related: [],
  check() {
    return [];
  },
});
