/**
 * The file python-decouple reads its values from at run time: `from decouple import config` searches the settings
 * module's directory, then each parent, for `settings.ini` (its `[settings]` section), then `.env`; the first found
 * is the one. Its values come after the environment and before `default=`. Pure.
 */
import { posix } from 'node:path';
import type { DecoupleConfig } from './types/project.js';
import type { SettingsModel } from './types/settings.js';

/** The decouple file the settings would read, among the repository's files; undefined when they use no decouple. */
export function decoupleConfigOf(
  settings: SettingsModel,
  files: ReadonlySet<string>,
  texts: Record<string, string>,
): DecoupleConfig | undefined {
  if (!(settings.dotenvLoads ?? []).some((l) => l.via === 'python-decouple')) return undefined;
  for (let dir = posix.dirname(settings.file); ; dir = posix.dirname(dir)) {
    for (const name of ['settings.ini', '.env']) {
      const file = dir === '.' ? name : `${dir}/${name}`;
      if (!files.has(file)) continue;
      const text = texts[file];
      if (name === '.env') return { file, values: text === undefined ? {} : envValues(text) };
      return { file, values: text === undefined ? {} : iniValues(text), caseless: true };
    }
    if (dir === '.' || dir === '/' || dir === '') return undefined;
  }
}

/** `[settings]` of an ini file, as configparser reads it: `key = value` or `key: value`, keys case-insensitive. */
function iniValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (section === 'settings' && pair) values[pair[1].toUpperCase()] = pair[2];
  }
  return values;
}

/** `KEY=value` lines of a .env file, as decouple's RepositoryEnv reads them: one pair of quotes around a value removed. */
function envValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || !line.includes('=')) continue;
    const at = line.indexOf('=');
    const value = line.slice(at + 1).trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    values[line.slice(0, at).trim()] = quoted ? quoted[2] : value;
  }
  return values;
}

/** The value decouple's file gives `name`, when it gives one. */
export function decoupleValue(config: DecoupleConfig | undefined, name: string): string | undefined {
  if (!config) return undefined;
  return config.caseless ? config.values[name.toUpperCase()] : config.values[name];
}
