/** What a settings module's file name and text say of it, when choosing the module an app runs. */
import { baseName } from '../discover/classify.js';

/** A settings template meant to be copied under another name: `local_example.py`, `settings.sample.py`, `dev_template.py`. */
export function isTemplateModule(file: string): boolean {
  return /(?:^|[._-])(?:example|sample|template|dist|tmpl)$/i.test(stemOf(file));
}

export function stemOf(file: string): string {
  return baseName(file).replace(/\.py$/, '');
}

/** Prefers `settings.py`, then `settings/production.py`-like modules, then others. */
export function settingsRank(file: string): number {
  if (baseName(file) === 'settings.py') return 0;
  if (/prod/.test(baseName(file))) return 1;
  if (baseName(file) === '__init__.py') return 3;
  return 2;
}

/**
 * A module that assigns no setting and star-imports or includes (django-split-settings) nothing (an empty
 * `__init__.py`, or only comments), nor copies in the names of a module it loads (`globals().update(vars(m))`).
 */
export function isEmptyModule(text: string): boolean {
  return (
    !/^[A-Z_][A-Z0-9_]*\s*[:=]/m.test(text) &&
    !/^\s*from\s+\S+\s+import\s+\*/m.test(text) &&
    !/^\s*include\(/m.test(text) &&
    !(/\bimport_module\s*\(/.test(text) && /\bglobals\(\s*\)/.test(text))
  );
}
