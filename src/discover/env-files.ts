import { baseName } from './classify.js';

/**
 * `.env`-style files (`.env`, `*.env`, `.env.*`), and the templates among them (`.env.example`, `.env.tpl`, …):
 * a template is meant to be committed, so it counts as an env file only when it holds a real-looking secret.
 */
export function isEnvStyleName(path: string): boolean {
  const name = baseName(path);
  return name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4);
}

/** A file in a `.env*` directory (`.env/.prod-sample`, `.envs/.production/.django`): judged by what it holds. */
export function isInEnvDir(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some((dir) => dir.startsWith('.env'));
}

/** A template by its name; a misspelt one (`.env.sampel`) cannot be told from a real file and is not one. */
export function isEnvTemplateName(path: string): boolean {
  return (
    isEnvStyleName(path) && /(example|sample|template|tpl|tmpl|dist|default|defaults)/i.test(baseName(path))
  );
}

/** Any file named as a template meant to be committed (`.django.example`, `env.sample`), whatever else its name says. */
export function hasTemplateName(path: string): boolean {
  return /(example|sample|template|tpl|tmpl)/i.test(baseName(path));
}
