/** Files named from inside the texts already read (settings modules, requirements, scripts, compose bases). */
import {
  baseName,
  composeFilesAmong,
  dirName,
  isDockerfile,
  isScriptFile,
  joinPath,
  moduleFiles,
  normalizeRelative,
} from './classify.js';
import type { DiscoverOptions } from './types.js';
import { LINES } from '../util/lines.js';

/** Files named from inside the texts already read: cheap textual hints only decide what to read, never what it means. */
export function secondPassFiles(
  texts: Record<string, string>,
  files: string[],
  options: DiscoverOptions,
): string[] {
  const out = new Set<string>();
  const composeFiles = new Set(composeFilesAmong(texts));
  const manageDirs = Object.keys(texts)
    .filter((f) => baseName(f) === 'manage.py')
    .map(dirName);
  const modules = new Set<string>();
  if (options.settingsModule) modules.add(options.settingsModule);
  const requirementNames = new Set<string>();
  const commandWords = new Set<string>();
  const dockerfileNames = new Set<string>();
  const envFiles = new Set<string>();
  // Python a start script runs (`python create_superuser.py`, `manage.py initadmin`): read to find credentials in it.
  const pythonNames = new Set<string>();
  const managementCommands = new Set<string>();
  // The Python configuration file a server reads (`gunicorn -c guniconf.py`), for where it binds and logs.
  const serverConfigNames = new Set<string>();
  let supervisorRun = false;
  // `uwsgi --emperor vassals/`: the Emperor starts the .ini files it finds there, whatever their names.
  let emperor = false;
  const copiedAs = new Map<string, string[]>();
  // nginx configuration the image copies under /etc/nginx (files by name, directories by their last part).
  const nginxNames = new Set<string>();
  const nginxDirs = new Set<string>();
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith('.py')) {
      for (const m of text.matchAll(/\bpython[\d.]*\s+(?:-u\s+)?([\w./-]+\.py)\b/g))
        if (baseName(m[1]) !== 'manage.py') pythonNames.add(baseName(m[1]));
      for (const m of text.matchAll(/\bmanage\.py\s+([a-z_][a-z0-9_]*)/g)) managementCommands.add(m[1]);
      for (const m of text.matchAll(/\bgunicorn\b[^\n]*?\s(?:-c|--config)(?:=|\s+)['"]?([\w./-]+\.py)\b/g))
        serverConfigNames.add(baseName(m[1]));
      // The ini file a server reads (`uwsgi --ini uwsgi.ini`), for where it sends its log.
      for (const m of text.matchAll(/--ini(?:=|\s+)['"]?([^\s'"]+\.ini)\b/g))
        commandWords.add(baseName(m[1]));
      if (/\buwsgi\b[^\n]*\s--emperor\b/.test(text)) emperor = true;
    }
    for (const m of text.matchAll(/DJANGO_SETTINGS_MODULE['"]?\s*[,=:]\s*['"]?([A-Za-z_][\w.-]*)/g))
      modules.add(m[1]);
    // `manage.py runserver --settings=config.docker` in a command: a module whatever its file is called.
    if (!file.endsWith('.py'))
      for (const m of text.matchAll(/--settings(?:=|\s+)['"]?([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/g))
        modules.add(m[1]);
    if (!/(^|\/)\.env$/.test(file)) {
      // pip's short flags run together: `-Ur requirements.txt`, `-qr requirements.txt`.
      for (const m of text.matchAll(
        /(?:^|\s)(?:-[UIqv]*[rc]|--requirements?|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))([^\s"'\\]+)/g,
      ))
        requirementNames.add(baseName(m[1]));
    }
    if (isDockerfile(file)) {
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+([^\n]*)/gim))
        for (const w of m[1].split(/\s+/)) {
          if (/\.(txt|in)$/.test(w)) requirementNames.add(baseName(w));
          // supervisord's programs, from the configuration the image copies (an [include] may load *.ini).
          if (/\.(conf|ini)$/.test(w) && /supervisor/.test(text)) commandWords.add(baseName(w));
        }
      for (const m of text.matchAll(
        /^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\n[]+?)\s+\/etc\/nginx\/?\S*\s*$/gim,
      ))
        for (const w of m[2].split(/\s+/).filter((w) => w && !w.startsWith('--'))) {
          if (w.endsWith('/') || w === '.') nginxDirs.add(baseName(w.replace(/\/+$/, '')));
          else nginxNames.add(baseName(w));
        }
      // `RUN cp deploy/nginx.conf /etc/nginx/sites-enabled/default` after `COPY . .`: the source is the configuration.
      for (const m of text.matchAll(/\b(?:cp|mv|ln)\s+((?:-\S+\s+)*)([^\n&;|\\]+?)\s+\/etc\/nginx\/?\S*/g))
        for (const w of m[2].split(/\s+/).filter((w) => w && !w.startsWith('-') && !w.endsWith('/')))
          nginxNames.add(baseName(w));
      // `COPY ./compose/django/start /start-django`: the command names the copy, the repository holds the source.
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\s[]+)\s+([^\s\\]+)\s*$/gim))
        if (!m[3].endsWith('/'))
          copiedAs.set(baseName(m[3]), [...(copiedAs.get(baseName(m[3])) ?? []), baseName(m[2])]);
    }
    if (/\bsupervisord\b/.test(text)) supervisorRun = true;
    if (isDockerfile(file) || composeFiles.has(file)) {
      // A Dockerfile a compose build names (`dockerfile: docker/web.df`), whatever it is called.
      for (const m of text.matchAll(/^\s*dockerfile\s*:\s*['"]?([^\s'"#]+)/gm))
        dockerfileNames.add(baseName(m[1]));
      for (const name of envFileNames(text)) envFiles.add(name);
      for (const line of commandLines(text))
        for (const m of line.matchAll(/[\w./-]+/g)) commandWords.add(baseName(m[0]));
    } else if (!file.endsWith('.py') && isScriptFile(file, text)) {
      // A start script runs the next one by path (`exec docker/web-start`, `./init.bash`), whatever its name.
      for (const line of text.split(LINES)) {
        if (/^\s*#/.test(line)) continue;
        for (const m of line.matchAll(/[\w.-]*\/[\w./-]+|^\s*(?:exec\s+)?[\w.-]+/g))
          commandWords.add(baseName(m[0].trim().replace(/^exec\s+/, '')));
      }
    }
  }
  for (const [name, sources] of copiedAs) {
    if (commandWords.has(name)) for (const source of sources) commandWords.add(source);
    // `COPY deps/app.pip /install.txt` then `pip install -r /install.txt`: the source is the requirements file.
    if (requirementNames.has(name)) for (const source of sources) requirementNames.add(source);
  }
  for (const module of modules)
    for (const dir of [...manageDirs, '.']) for (const f of moduleFiles(dir, module)) out.add(f);
  for (const [file, text] of Object.entries(texts))
    for (const module of settingsChoosingModules(file, text))
      for (const dir of [...manageDirs, '.']) for (const f of moduleFiles(dir, module)) out.add(f);
  // Settings split over modules: `from .base import *` in a settings module read so far.
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith('.py') || baseName(file) === 'manage.py') continue;
    for (const m of text.matchAll(/^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+\*/gm)) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, '.'];
      for (const d of dirs)
        for (const f of m[2] ? moduleFiles(d, m[2]) : [joinPath(d, '__init__.py')]) out.add(f);
    }
    // django-split-settings: include() runs files named by paths and globs under the settings package.
    if (/\bsplit_settings\b/.test(text))
      for (const f of files) if (f.endsWith('.py') && f.startsWith(`${dirName(file)}/`)) out.add(f);
    // Values a settings module imports by name from the project (`from .keys import SECRET_KEY`, `from conf import
    // values as V`): the module, or the submodule the name is.
    if (!/^\s*(INSTALLED_APPS|DATABASES|SECRET_KEY)\b/m.test(text)) continue;
    for (const m of text.matchAll(
      /^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+(?:\(([^)]*)\)|([\w \t,]+))/gm,
    )) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, '.'];
      const names = (m[3] ?? m[4])
        .split(',')
        .map((n) => n.trim().split(/\s+/)[0])
        .filter(Boolean);
      const modules = [m[2] ?? '', ...names.map((n) => (m[2] ? `${m[2]}.${n}` : n))].filter(Boolean);
      for (const d of dirs) for (const mod of modules) for (const f of moduleFiles(d, mod)) out.add(f);
      if (!m[2]) for (const d of dirs) out.add(joinPath(d, '__init__.py'));
    }
    for (const m of text.matchAll(/^[ \t]*import\s+([A-Za-z_][\w.]*)/gm))
      for (const d of [...manageDirs, '.']) for (const f of moduleFiles(d, m[1])) out.add(f);
  }
  for (const f of files) {
    const name = baseName(f);
    if (requirementNames.has(name) && !(f in texts)) out.add(f);
    if (commandWords.has(name) && !(f in texts) && !/\.(py|txt|toml|lock|json)$/.test(name)) out.add(f);
    // `envsubst < uwsgi.ini.template > uwsgi.ini` at start: the template is the ini the server reads.
    const template = /^(.+\.ini)\.(template|tmpl|tpl|in)$/.exec(name)?.[1];
    if (template && commandWords.has(template) && !(f in texts)) out.add(f);
    if (dockerfileNames.has(name) && !(f in texts)) out.add(f);
    // Any .conf: a supervisord configuration's [include] may load programs from files of any name (programs/web.conf).
    if (emperor && name.endsWith('.ini') && !(f in texts)) out.add(f);
    if (supervisorRun && /supervisor[^/]*\.(conf|ini)$|\.conf$/.test(f) && !(f in texts)) out.add(f);
    if (envFiles.has(name) && !(f in texts)) out.add(f);
    if (
      (nginxNames.has(name) || (nginxDirs.has(baseName(dirName(f))) && name.endsWith('.conf'))) &&
      !(f in texts)
    )
      out.add(f);
    if (f in texts || !name.endsWith('.py')) continue;
    if (pythonNames.has(name) || serverConfigNames.has(name)) out.add(f);
    const command = /(^|\/)management\/commands\/([a-z_][a-z0-9_]*)\.py$/.exec(f)?.[2];
    if (command && managementCommands.has(command)) out.add(f);
  }
  return [...out];
}

/** Paths (relative to the scanned directory) of the files a compose file's `extends:` entries name in `file:`. */
export function extendsFileNames(file: string, text: string): string[] {
  const out: string[] = [];
  const lines = text.split(LINES);
  lines.forEach((line, i) => {
    const m = /^(\s*)extends\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    let named = /\bfile\s*:\s*['"]?([^\s'",}#]+)/.exec(m[2])?.[1];
    for (const next of lines.slice(i + 1)) {
      if (named !== undefined || m[2].trim() !== '') break;
      if (next.trim() === '' || next.trim().startsWith('#')) continue;
      if (/^\s*/.exec(next)![0].length <= m[1].length) break;
      named = /^\s*file\s*:\s*['"]?([^\s'"#]+)/.exec(next)?.[1];
    }
    const path = named === undefined ? undefined : normalizeRelative(joinPath(dirName(file), named));
    if (path !== undefined) out.push(path);
  });
  return out;
}

/**
 * The lines that hold a start command: CMD/ENTRYPOINT, compose `command:`/`entrypoint:` with the more-indented
 * lines of a block or a quoted string over several lines, and list items.
 */
function commandLines(text: string): string[] {
  const out: string[] = [];
  let key: number | undefined; // indentation of the command key whose continuation lines are read
  for (const line of text.split(LINES)) {
    const indent = /^\s*/.exec(line)![0].length;
    if (key !== undefined && line.trim() !== '' && indent > key) {
      out.push(line);
      continue;
    }
    key = undefined;
    if (!/^\s*(CMD|ENTRYPOINT|command|entrypoint|-)\b/i.test(line)) continue;
    out.push(line);
    if (/^\s*(command|entrypoint)\s*:/.test(line)) key = indent;
  }
  return out;
}

/** Base names of the files compose `env_file:` entries name: inline, `[a, b]`, a `- a` list, or `- path: a` items. */
function envFileNames(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(LINES);
  const word = (s: string) => /^['"]?([^\s'"#,[\]{}]+)/.exec(s.trim())?.[1];
  lines.forEach((line, i) => {
    const m = /^(\s*)env_file\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    const inline = m[2].replace(/(^|\s)#.*$/, '').trim();
    const items = inline
      ? inline.replace(/^\[|\]$/g, '').split(',')
      : lines
          .slice(i + 1)
          .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
          .map((l) => /^(\s*)(.*)$/.exec(l)!)
          .filter((_, k, all) =>
            all.slice(0, k + 1).every((x) => x[1].length > m[1].length || x[2].startsWith('-')),
          )
          .map((x) => x[2].replace(/^-\s*/, '').replace(/^path\s*:\s*/, ''))
          .filter((x) => !/^required\s*:/.test(x));
    for (const item of items) {
      const w = word(item);
      if (w) out.push(baseName(w));
    }
  });
  return out;
}

/**
 * Modules that may choose the settings module: those manage.py or a wsgi/asgi module imports (their packages too),
 * and, in a file that sets DJANGO_SETTINGS_MODULE, the modules its strings name (`'settings.environment.production'`).
 */
function settingsChoosingModules(file: string, text: string): string[] {
  if (!file.endsWith('.py')) return [];
  const out: string[] = [];
  if (/^(manage|wsgi|asgi)\.py$/.test(baseName(file)) || /\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(
      /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))/gm,
    )) {
      const parts = (m[1] ?? m[2]).split('.');
      out.push(...parts.map((_, i) => parts.slice(0, i + 1).join('.')));
    }
  if (/\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(/['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)['"]/g)) out.push(m[1]);
  return out;
}
