/** What an env template (`.env.example`) holds: a template with a real-looking secret counts as an env file. */
import { parseDotenv } from '../parse/dotenv.js';
import { isSecretName } from './secret-names.js';

// Values that only show where a secret goes: `change-me`, `your-secret-key`, `<password>`, `${X}`, `xxx`, `...`.
const PLACEHOLDER = /your|change|example|replace|placeholder|dummy|fixme|todo|xxx|<|>|\$\{|\.\.\.|^\*+$/i;

/** Names of secret-looking variables a template gives a real-looking value (`SECRET_KEY=3k#…`). */
export function secretsInEnvTemplate(text: string): string[] {
  return Object.entries(parseDotenv(text))
    .filter(([name, value]) => isSecretName(name) && value.length >= 8 && !PLACEHOLDER.test(value))
    .map(([name]) => name);
}
export { isEnvStyleName, isEnvTemplateName } from '../discover/env-files.js';
