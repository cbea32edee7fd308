import {
  acrossEngines,
  at,
  commandAnchor,
  defineDynamicRule,
  observationsOf,
  seconds,
} from './lib/dynamic.js';

export const slowStartup = defineDynamicRule({
  id: 'TF0903',
  name: 'slow-startup',
  factor: 'IX',
  severity: 'notice',
  kind: 'D',
  title: 'Time from container start to first HTTP answer exceeds the startup budget (default 20 s)',
  help: `Fast startup makes deploys, scaling and crash recovery quick. The smoke test measures the time from \`docker run\` to the first HTTP answer; over the startup budget (default 20 s) fires this rule. Slow starts usually come from work done on every start: migrations, \`collectstatic\`, dependency installation, or sleeps waiting for other services.

Do that work once, at build or release time:

\`\`\`dockerfile
RUN python manage.py collectstatic --noinput
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

and run migrations as a one-off release task (\`docker run --rm IMAGE python manage.py migrate\`).`,
  related: [],
  judge(observations, context) {
    const slow = observationsOf(observations, 'first-answer').filter((o) => o.durationMs > o.budgetMs);
    return acrossEngines(slow, (o) =>
      at(
        commandAnchor(context),
        `The server took ${seconds(o.durationMs)} to answer its first HTTP request, over the ${seconds(o.budgetMs)} startup budget. Move slow work (migrations, asset collection, waits) out of the start command.`,
      ),
    );
  },
});
