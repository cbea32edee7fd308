import {
  acrossEngines,
  at,
  causeAdvice,
  commandAnchor,
  defineDynamicRule,
  failureCause,
  observationsOf,
} from './lib/dynamic.js';

export const portUnreachable = defineDynamicRule({
  id: 'TF0703',
  name: 'port-unreachable',
  factor: 'VII',
  severity: 'error',
  kind: 'D',
  title: 'The started app never answers HTTP on its port within the start timeout',
  help: `The smoke test publishes the container's port on 127.0.0.1 and waits for any HTTP answer. When none comes before the start timeout, the app cannot be reached through its port: usually the server listens on 127.0.0.1 inside the container (the default of \`manage.py runserver\`), listens on another port than the one exposed, or crashes at start (the container log is in the details).

Bind the server to all interfaces on the exposed port:

\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  judge(observations, context) {
    // A command the image lacks (exit code 127) ends the container whatever it binds: TF1001/TF1002 name that cause,
    // whether the container was gone at start or only while the probe waited.
    const portProblems = observationsOf(observations, 'no-http-answer').filter((o) => {
      const cause = failureCause(o)?.kind;
      return cause !== 'command-not-found';
    });
    return acrossEngines(portProblems, (o) =>
      at(
        commandAnchor(context),
        `The server never answered HTTP on port ${o.port} (${o.why}). ${causeAdvice(failureCause(o) ?? { kind: 'not-listening' }, o.port)}`,
        o.logTail,
      ),
    );
  },
});
