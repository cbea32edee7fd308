import type { RawFinding } from '../core/index.js';
import { appOfDockerfile, pythonOf, runtimeInsertionLine } from './lib/dockerfile-fix.js';
import { insertLines, replaceLines } from './lib/fix.js';
import { inherited } from './lib/base-image.js';
import { shellLessBase } from './lib/shell-less-base.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

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
      // A compose file that could not be parsed may give the service a healthcheck.
      if (!stage || app.unparsedCompose) continue;
      const compose = app.compose?.appService?.healthcheck;
      // A base image of the repository (FROM me/django-base) may set the HEALTHCHECK the target stage leaves unset.
      const healthcheck = stage.healthcheck ?? inherited(app, (s) => s.healthcheck)?.value;
      // A compose healthcheck with no test (interval, retries only) runs the image's HEALTHCHECK command, if any.
      const healthy = compose?.disabled
        ? false
        : compose?.ownTest || (healthcheck !== undefined && !healthcheck.none);
      if (healthy) continue;
      const why = compose?.disabled
        ? `the compose service disables its healthcheck`
        : healthcheck?.none
          ? `HEALTHCHECK NONE disables it`
          : compose
            ? `no HEALTHCHECK in the target stage, and the compose service's healthcheck sets no test: its timing applies to the image's test, and there is none`
            : `no HEALTHCHECK in the target stage${app.compose?.appService ? ' and none on the compose service' : ''}`;
      // No shell, curl or wget in a distroless image: only an exec form run by its own Python can check the app.
      const base = shellLessBase(app.dockerfile!, stage);
      const port = stage.exposes.flatMap((e) => e.ports).find((p) => p.port !== undefined)?.port ?? 8000;
      const probe = `import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}/healthz')`;
      const how = base
        ? ` Add a HEALTHCHECK that requests the app; ${base.repository} has no shell and no curl, so write it in exec form with the image's Python, e.g. HEALTHCHECK CMD [${[pythonOf(stage), '-c', probe].map((a) => JSON.stringify(a)).join(', ')}], with a /healthz view.`
        : ' Add a HEALTHCHECK that requests the app, e.g. an HTTP GET on a /healthz view.';
      findings.push({
        file: app.dockerfile!.file,
        line: 1,
        message: `The app container has no health check (${why}).${how}`,
      });
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      "Adds a HEALTHCHECK that opens a TCP connection to the app's port with Python (no curl needed in the image), before the CMD of the target stage.",
    make: fixNoHealthcheck,
  },
});

function fixNoHealthcheck(context: FixContext): FixProposal | undefined {
  const found = appOfDockerfile(context);
  // A compose service that disables its healthcheck overrides the image's: that is the user's choice to undo.
  if (!found || found.app.compose?.appService?.healthcheck?.disabled) return undefined;
  const { dockerfile, stage } = found;
  const port = stage.exposes.flatMap((e) => e.ports).find((p) => p.port !== undefined)?.port ?? 8000;
  const probe = `import socket; socket.create_connection(('127.0.0.1', ${port}), timeout=3).close()`;
  const lines = [
    'HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\',
    `  CMD [${[pythonOf(stage), '-c', probe].map((a) => JSON.stringify(a)).join(', ')}]`,
  ];
  const title = `HEALTHCHECK on port ${port}`;
  const none =
    stage.healthcheck?.none && stage.instructions.includes(stage.healthcheck) ? stage.healthcheck : undefined;
  if (none) return { title, edits: [replaceLines(dockerfile.file, none.line, none.endLine, lines)] };
  return { title, edits: [insertLines(dockerfile.file, runtimeInsertionLine(stage), lines)] };
}
