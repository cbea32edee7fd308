import type { RawFinding } from '../core/index.js';
import { EXPOSE_EXAMPLE } from './lib/examples.js';
import { appTargetStages } from './lib/each.js';
import { defineRule } from './lib/rule.js';

export const noPortDeclared = defineRule({
  id: 'TF0701',
  name: 'no-port-declared',
  factor: 'VII',
  severity: 'notice',
  kind: 'S',
  title: 'The target stage has no EXPOSE and the compose app service has no ports/expose',
  help: `A twelve-factor app exports its service by binding a port; the image should say which one, so that
platforms, \`docker run -P\` and readers know where the app answers without reading the start command.

${EXPOSE_EXAMPLE}`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, stage } of appTargetStages(project)) {
      // A compose file that could not be parsed may publish the port.
      if (stage.exposes.length > 0 || app.unparsedCompose) continue;
      const service = app.compose?.appService;
      if (service && (service.ports.length > 0 || service.expose.length > 0)) continue;
      findings.push({
        file: app.dockerfile!.file,
        line: 1,
        message: `The image declares no port (no EXPOSE in the target stage${service ? `, no ports/expose on compose service '${service.name}'` : ''}). Add EXPOSE with the port the server binds, e.g. EXPOSE 8000.`,
      });
    }
    return findings;
  },
});
