import type { RawFinding } from '../core/index.js';
import { appServices } from './lib/each.js';
import { defineRule } from './lib/rule.js';

const DATABASES = new Set(['postgres', 'mysql', 'mariadb']);

export const dependsOnUnhealthy = defineRule({
  id: 'TF0402',
  name: 'depends-on-unhealthy',
  factor: 'IV',
  severity: 'notice',
  kind: 'S',
  title:
    'The compose app depends_on its database without condition: service_healthy, or the database service has no healthcheck',
  help: [
    'A plain `depends_on: [db]` only waits until the database container has *started*, not until it accepts',
    'connections. PostgreSQL and MySQL need a few seconds to initialise, so the app (or its `migrate`) fails on',
    'a fresh `docker compose up`. Give the database a healthcheck and wait for it:',
    '',
    '```yaml',
    'services:',
    '  web:',
    '    depends_on:',
    '      db:',
    '        condition: service_healthy',
    '  db:',
    '    image: postgres:16',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "pg_isready -U $$POSTGRES_USER -d $$POSTGRES_DB"]',
    '      interval: 5s',
    '      retries: 10',
    '```',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const { compose, service: web } of appServices(project)) {
      for (const dep of web.dependsOn) {
        const db = compose.services.find((s) => s.name === dep.service);
        if (!db || !DATABASES.has(db.role)) continue;
        const healthy = dep.condition === 'service_healthy';
        const checked = db.healthcheck !== undefined && !db.healthcheck.disabled;
        if (healthy && checked) continue;
        const fix = [
          healthy ? undefined : `wait with 'condition: service_healthy'`,
          checked ? undefined : `give '${db.name}' a healthcheck (e.g. pg_isready / mysqladmin ping)`,
        ].filter(Boolean);
        const why = !healthy
          ? `depends_on '${db.name}' without condition: service_healthy, so it starts before the database accepts connections`
          : `waits for '${db.name}' to be healthy, but '${db.name}' has no healthcheck`;
        out.push({
          file: dep.file,
          line: dep.line,
          message: `Service '${web.name}' ${why}: ${fix.join(' and ')}.`,
        });
      }
    }
    return out;
  },
});
