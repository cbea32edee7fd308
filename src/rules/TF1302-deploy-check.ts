import { acrossEngines, at, defineDynamicRule, observationsOf, settingsAnchor } from './lib/dynamic.js';

export const deployCheck = defineDynamicRule({
  id: 'TF1302',
  name: 'deploy-check',
  factor: 'XIII',
  severity: 'warning',
  kind: 'D',
  title:
    "Django's manage.py check --deploy reports a warning or error in the built image (one finding per check id, e.g. security.W018, message carries the id)",
  help: `Django's own deployment checklist, \`manage.py check --deploy\`, run in the built image with the smoke test's environment (DEBUG from the environment, a generated SECRET_KEY). Each reported check id becomes one finding, with the id in the message and in the related ids, so an existing \`SILENCED_SYSTEM_CHECKS\` entry maps to it.

Fix the settings it names, for example:

\`\`\`python
SECURE_SSL_REDIRECT = os.environ.get('SECURE_SSL_REDIRECT', '1') == '1'
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
DEBUG = os.environ.get('DEBUG', '0') == '1'
\`\`\``,
  related: [
    'security.W004',
    'security.W008',
    'security.W009',
    'security.W012',
    'security.W016',
    'security.W018',
    'security.W020',
  ],
  judge(observations, context) {
    return acrossEngines(
      observationsOf(observations, 'deploy-check-issue'),
      (o) => ({
        ...at(settingsAnchor(context), `\`manage.py check --deploy\` reports ${o.id}: ${o.message}`),
        related: [o.id],
      }),
      { key: (o) => o.id, scoped: false },
    );
  },
});
