import { containerEnv, hasGunicornConfig, serverOf, startCommands } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { EXPOSE_EXAMPLE } from './lib/examples.js';
import { appTargetStages } from './lib/each.js';
import { defineRule } from './lib/rule.js';

export const exposeMismatch = defineRule({
  id: 'TF0704',
  name: 'expose-mismatch',
  factor: 'VII',
  severity: 'warning',
  kind: 'S',
  title: 'The port in EXPOSE differs from the port the server command binds',
  help: `\`EXPOSE\` documents where the app answers; platforms and \`docker run -P\` publish that port. When the server
binds another one, requests go to a port nobody listens on.

Make EXPOSE and the bind agree (defaults count: \`runserver\` and \`gunicorn\` listen on 8000).

${EXPOSE_EXAMPLE}`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, stage } of appTargetStages(project)) {
      if (stage.exposes.length === 0) continue;
      const exposed = stage.exposes.flatMap((e) => e.ports);
      if (exposed.some((p) => p.port === undefined)) continue; // a port we cannot read may be the right one
      const numbers = new Set(exposed.map((p) => p.port!));
      const anchor = stage.exposes.at(-1)!;
      const env = containerEnv(app);
      const reported = new Set<number>();
      for (const cmd of startCommands(app)) {
        const server = serverOf(cmd.argv, env, { configFileInContext: hasGunicornConfig(app) });
        const ports = (server?.addresses ?? []).map((a) => a.port);
        if (ports.length === 0 || ports.some((p) => p === undefined || numbers.has(p))) continue;
        const port = ports[0]!;
        if (reported.has(port)) continue;
        reported.add(port);
        findings.push({
          file: app.dockerfile!.file,
          line: anchor.line,
          message: `EXPOSE ${[...numbers].join(' ')} but ${server!.kind} binds port ${port} (${cmd.file}:${cmd.line}). Expose ${port}, or bind the server to the exposed port.`,
        });
      }
    }
    return findings;
  },
});
