import {
  acrossEngines,
  at,
  commandAnchor,
  defineDynamicRule,
  observationsOf,
  seconds,
} from './lib/dynamic.js';

export const slowShutdown = defineDynamicRule({
  id: 'TF0902',
  name: 'slow-shutdown',
  factor: 'IX',
  severity: 'warning',
  kind: 'D',
  title: 'Docker stop needs longer than the shutdown budget (default 5 s) or ends by SIGKILL',
  help: `Containers are stopped at every deploy and scale-in. \`docker stop\` sends SIGTERM and waits; a server that does not exit promptly is killed with SIGKILL, dropping in-flight requests. The smoke test times \`docker stop\` and reads the exit code: over the shutdown budget (default 5 s) or exit code 137 fires this rule. The usual cause is a shell as PID 1 (shell-form CMD, or an entrypoint script without \`exec\`) that never passes SIGTERM on.

Use the exec form and \`exec\` the server from scripts:

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--graceful-timeout", "5", "mysite.wsgi"]
\`\`\`

\`\`\`sh
#!/bin/sh
set -e
exec "$@"
\`\`\``,
  related: [],
  judge(observations, context) {
    const slow = observationsOf(observations, 'stopped').filter(
      (o) => o.killed || o.stopFailed || o.durationMs > o.budgetMs,
    );
    return acrossEngines(slow, (o) =>
      at(
        commandAnchor(context),
        o.killed
          ? `\`docker stop\` ended the server by SIGKILL after ${seconds(o.durationMs)} (exit code ${o.exitCode}): SIGTERM does not reach or stop it. Use the exec form of CMD, \`exec\` the server from entrypoint scripts, and let it exit on SIGTERM.`
          : `\`docker stop\` took ${seconds(o.durationMs)}, over the ${seconds(o.budgetMs)} shutdown budget. Make the server exit promptly on SIGTERM (exec form CMD, \`exec\` in scripts, a short graceful timeout).`,
        o.logTail,
      ),
    );
  },
});
