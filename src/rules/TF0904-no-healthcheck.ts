import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';

export const noHealthcheck = defineRule({
  id: 'TF0904',
  name: 'no-healthcheck',
  factor: 'IX',
  severity: 'notice',
  kind: 'S',
  title: 'No HEALTHCHECK in the target stage and none on the compose app service',
  help: `Without a health check, Docker and compose only know whether the process runs, not whether the app answers:
a replica stuck at start, or one that lost its database, keeps receiving traffic, and \`depends_on:
condition: service_healthy\` cannot wait for it.

Add a cheap check of the app itself, in the image or in compose.

\`\`\`dockerfile
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \\
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')" || exit 1
\`\`\``,
  related: ['DL3057', 'CKV_DOCKER_2', 'DS-0026'],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const stage = app.dockerfile?.targetStage;
      if (!stage) continue;
      const compose = app.compose?.appService?.healthcheck;
      const healthy = compose
        ? !compose.disabled
        : stage.healthcheck !== undefined && !stage.healthcheck.none;
      if (healthy) continue;
      const why = compose?.disabled
        ? `the compose service disables its healthcheck`
        : stage.healthcheck?.none
          ? `HEALTHCHECK NONE disables it`
          : `no HEALTHCHECK in the target stage${app.compose?.appService ? ' and none on the compose service' : ''}`;
      findings.push({
        file: app.dockerfile!.file,
        line: 1,
        message: `The app container has no health check (${why}). Add a HEALTHCHECK that requests the app, e.g. an HTTP GET on a /healthz view.`,
      });
    }
    return findings;
  },
});
