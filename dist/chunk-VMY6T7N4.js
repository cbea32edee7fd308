import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_FILE,
  LINES,
  SKIPPED_DIRS,
  baseName,
  composeEnvFilesNamed,
  composeFilesAmong,
  composeFilesNamed,
  dirName,
  isCiConfig,
  isComposeCandidate,
  isComposeFile,
  isCoreFile,
  isDockerfile,
  isDockerignore,
  isEnvStyleName,
  isInEnvDir,
  isMakefile,
  isModelsFile,
  isReadme,
  isRequirementsFile,
  isScript,
  isScriptFile,
  isSecretName,
  isSettingsCandidate,
  joinPath,
  moduleFiles,
  normalizeRelative
} from "./chunk-2SUAEEQU.js";
import {
  UnsafePathError,
  formatBytes,
  isInside,
  readHeadSync,
  readInsideSync,
  readRegularFileSync,
  require_node_path,
  resolveInside
} from "./chunk-B25ZKZH7.js";
import {
  __toESM,
  require_node_fs
} from "./chunk-DE2SF5KL.js";

// src/util/option-error.ts
var OptionError = class extends Error {
  name = "OptionError";
};

// src/smoke/limits.ts
var MIB = 1024 * 1024;
var DEFAULT_LIMITS = { pids: 512, memoryBytes: 1024 * MIB, cpus: 1.5 };
var POSTGRES_MIN_MEMORY = 512 * MIB;
var MIN_MEMORY = 64 * MIB;
var MIN_PIDS = 16;
function parsePidsLimit(value, name) {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < MIN_PIDS) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected a whole number of processes, at least ${MIN_PIDS}.`
    );
  }
  return n;
}
function parseMemory(value, name) {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg])?(?:i?b)?$/i.exec(value.trim());
  const scale = { "": 1, k: 1024, m: MIB, g: 1024 * MIB }[(m?.[2] ?? "").toLowerCase()];
  const bytes = m ? Math.floor(Number(m[1]) * scale) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_MEMORY) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected an amount of memory such as 1g or 768m (bytes, or k/m/g), at least 64m.`
    );
  }
  return bytes;
}
function parseCpus(value, name) {
  const n = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n >= 0.01) || n > 1024) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected a number of CPUs such as 1.5 (0.01 or more).`
    );
  }
  return Math.round(n * 100) / 100;
}
function capCpus(limits, engineCpus) {
  return engineCpus >= 1 && limits.cpus > engineCpus ? { ...limits, cpus: engineCpus } : limits;
}
function containerLimitArgs(limits, minMemoryBytes = 0) {
  const memory = String(Math.max(limits.memoryBytes, minMemoryBytes));
  return [
    "--pids-limit",
    String(limits.pids),
    "--memory",
    memory,
    "--memory-swap",
    memory,
    "--cpus",
    String(limits.cpus)
  ];
}
function classicBuildLimitArgs(limits) {
  const memory = String(limits.memoryBytes);
  return [
    "--memory",
    memory,
    "--memory-swap",
    memory,
    "--cpu-period",
    "100000",
    "--cpu-quota",
    String(Math.round(limits.cpus * 1e5))
  ];
}
function formatMemory(bytes) {
  if (bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}g`;
  if (bytes % MIB === 0) return `${bytes / MIB}m`;
  return `${bytes} bytes`;
}

// src/smoke/redact.ts
var MASK = "***";
var MIN_SECRET = 8;
var ORDINARY_WORD = /^[A-Za-z]+$/;
var MIN_ENCODED = 8;
var ACCESS_TOKEN_USER = "x-access-token:";
var base64 = (bytes) => bytes.toString("base64").replace(/=+$/, "");
var padded = (bytes) => bytes.toString("base64");
var base64url = (b64) => b64.replace(/\+/g, "-").replace(/\//g, "_");
function encodingsOf(secret) {
  const forms = /* @__PURE__ */ new Set([secret]);
  const bytes = Buffer.from(secret, "utf8");
  const header = Buffer.from(ACCESS_TOKEN_USER + secret, "utf8");
  for (const f of [
    encodeURIComponent(secret),
    bytes.toString("hex"),
    padded(bytes),
    base64(bytes),
    padded(header),
    base64(header)
  ])
    forms.add(f);
  for (let shift = 0; shift < 3; shift++) {
    const aligned = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    forms.add(base64(aligned));
  }
  for (const f of [...forms]) if (/[+/]/.test(f)) forms.add(base64url(f));
  return [...forms].filter((f) => f === secret || f.length >= MIN_ENCODED);
}
var Redactor = class {
  constructor(onSecret) {
    this.onSecret = onSecret;
  }
  onSecret;
  secrets = /* @__PURE__ */ new Set();
  forms = /* @__PURE__ */ new Set();
  /** The forms longest first, so a form that contains another is masked whole; rebuilt when a secret is added. */
  ordered = [];
  /** Registers a value to mask, with its encodings; values shorter than 8 characters and plain words are not secrets. */
  add(secret) {
    if (!secret || secret.length < MIN_SECRET || ORDINARY_WORD.test(secret) || this.secrets.has(secret))
      return;
    this.secrets.add(secret);
    this.onSecret?.(secret);
    for (const form of encodingsOf(secret)) this.forms.add(form);
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length);
  }
  redact(text) {
    if (text === void 0) return void 0;
    let out = text;
    for (const s of this.ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }
  /** A copy of a plain value (a Report, an artifact) with every string in it redacted; keys are left as they are. */
  redactValue(value) {
    if (this.forms.size === 0) return value;
    const walk2 = (v) => {
      if (typeof v === "string") return this.redact(v);
      if (Array.isArray(v)) return v.map(walk2);
      if (v && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk2(x)]));
      }
      return v;
    };
    return walk2(value);
  }
};
var ALSO_MASKED = /^KEY$|CREDENTIAL|PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE/i;
function isSecretName2(name) {
  return isSecretName(name) || ALSO_MASKED.test(name);
}
function tail(text, lines = 30) {
  const all = text.replace(/\s+$/, "").split("\n");
  return all.slice(Math.max(0, all.length - lines)).join("\n");
}

// src/discover/index.ts
var import_node_path3 = __toESM(require_node_path(), 1);
var import_node_fs2 = __toESM(require_node_fs(), 1);

// src/discover/docker-sdk.ts
var MAX_PYTHON_FILES = 5e3;
var SDK_LINE = /^\s*(?:import\s+docker(?:\.\w+)*\s*(?:$|[,;#]|as\b)|from\s+docker(?:\.\w+)*\s+import\b)|\bdocker\.(?:from_env|DockerClient|APIClient)\s*\(/;
function namesDockerSocket(texts) {
  return Object.values(texts).some((t) => t.includes("docker.sock"));
}
function dockerSdkUses(files, read) {
  const out = [];
  const python = files.filter((f) => f.endsWith(".py")).slice(0, MAX_PYTHON_FILES);
  for (const file of python) {
    const text = read(file);
    if (text === void 0 || !text.includes("docker")) continue;
    const lines = text.split(LINES);
    const at = lines.findIndex((l) => SDK_LINE.test(l));
    if (at >= 0) out.push({ file, line: at + 1, text: lines[at].trim() });
  }
  return out;
}

// src/discover/named-files.ts
function secondPassFiles(texts, files, options) {
  const out = /* @__PURE__ */ new Set();
  const composeFiles = new Set(composeFilesAmong(texts));
  const manageDirs = Object.keys(texts).filter((f) => baseName(f) === "manage.py").map(dirName);
  const modules = /* @__PURE__ */ new Set();
  if (options.settingsModule) modules.add(options.settingsModule);
  const requirementNames = /* @__PURE__ */ new Set();
  const commandWords = /* @__PURE__ */ new Set();
  const dockerfileNames = /* @__PURE__ */ new Set();
  const envFiles = /* @__PURE__ */ new Set();
  const pythonNames = /* @__PURE__ */ new Set();
  const managementCommands = /* @__PURE__ */ new Set();
  const serverConfigNames = /* @__PURE__ */ new Set();
  let supervisorRun = false;
  let emperor = false;
  const copiedAs = /* @__PURE__ */ new Map();
  const nginxNames = /* @__PURE__ */ new Set();
  const nginxDirs = /* @__PURE__ */ new Set();
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith(".py")) {
      for (const m of text.matchAll(/\bpython[\d.]*\s+(?:-u\s+)?([\w./-]+\.py)\b/g))
        if (baseName(m[1]) !== "manage.py") pythonNames.add(baseName(m[1]));
      for (const m of text.matchAll(/\bmanage\.py\s+([a-z_][a-z0-9_]*)/g)) managementCommands.add(m[1]);
      for (const m of text.matchAll(/\bgunicorn\b[^\n]*?\s(?:-c|--config)(?:=|\s+)['"]?([\w./-]+\.py)\b/g))
        serverConfigNames.add(baseName(m[1]));
      for (const m of text.matchAll(/--ini(?:=|\s+)['"]?([^\s'"]+\.ini)\b/g))
        commandWords.add(baseName(m[1]));
      if (/\buwsgi\b[^\n]*\s--emperor\b/.test(text)) emperor = true;
    }
    for (const m of text.matchAll(/DJANGO_SETTINGS_MODULE['"]?\s*[,=:]\s*['"]?([A-Za-z_][\w.-]*)/g))
      modules.add(m[1]);
    if (!file.endsWith(".py"))
      for (const m of text.matchAll(/--settings(?:=|\s+)['"]?([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/g))
        modules.add(m[1]);
    if (!/(^|\/)\.env$/.test(file)) {
      for (const m of text.matchAll(
        /(?:^|\s)(?:-[UIqv]*[rc]|--requirements?|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))([^\s"'\\]+)/g
      ))
        requirementNames.add(baseName(m[1]));
    }
    if (isDockerfile(file)) {
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+([^\n]*)/gim))
        for (const w of m[1].split(/\s+/)) {
          if (/\.(txt|in)$/.test(w)) requirementNames.add(baseName(w));
          if (/\.(conf|ini)$/.test(w) && /supervisor/.test(text)) commandWords.add(baseName(w));
        }
      for (const m of text.matchAll(
        /^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\n[]+?)\s+\/etc\/nginx\/?\S*\s*$/gim
      ))
        for (const w of m[2].split(/\s+/).filter((w2) => w2 && !w2.startsWith("--"))) {
          if (w.endsWith("/") || w === ".") nginxDirs.add(baseName(w.replace(/\/+$/, "")));
          else nginxNames.add(baseName(w));
        }
      for (const m of text.matchAll(/\b(?:cp|mv|ln)\s+((?:-\S+\s+)*)([^\n&;|\\]+?)\s+\/etc\/nginx\/?\S*/g))
        for (const w of m[2].split(/\s+/).filter((w2) => w2 && !w2.startsWith("-") && !w2.endsWith("/")))
          nginxNames.add(baseName(w));
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)([^\s[]+)\s+([^\s\\]+)\s*$/gim))
        if (!m[3].endsWith("/"))
          copiedAs.set(baseName(m[3]), [...copiedAs.get(baseName(m[3])) ?? [], baseName(m[2])]);
    }
    if (/\bsupervisord\b/.test(text)) supervisorRun = true;
    if (isDockerfile(file) || composeFiles.has(file)) {
      for (const m of text.matchAll(/^\s*dockerfile\s*:\s*['"]?([^\s'"#]+)/gm))
        dockerfileNames.add(baseName(m[1]));
      for (const name of envFileNames(text)) envFiles.add(name);
      for (const line of commandLines(text))
        for (const m of line.matchAll(/[\w./-]+/g)) commandWords.add(baseName(m[0]));
    } else if (!file.endsWith(".py") && isScriptFile(file, text)) {
      for (const line of text.split(LINES)) {
        if (/^\s*#/.test(line)) continue;
        for (const m of line.matchAll(/[\w.-]*\/[\w./-]+|^\s*(?:exec\s+)?[\w.-]+/g))
          commandWords.add(baseName(m[0].trim().replace(/^exec\s+/, "")));
      }
    }
  }
  for (const [name, sources] of copiedAs) {
    if (commandWords.has(name)) for (const source of sources) commandWords.add(source);
    if (requirementNames.has(name)) for (const source of sources) requirementNames.add(source);
  }
  for (const module of modules)
    for (const dir of [...manageDirs, "."]) for (const f of moduleFiles(dir, module)) out.add(f);
  for (const [file, text] of Object.entries(texts))
    for (const module of settingsChoosingModules(file, text))
      for (const dir of [...manageDirs, "."]) for (const f of moduleFiles(dir, module)) out.add(f);
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith(".py") || baseName(file) === "manage.py") continue;
    for (const m of text.matchAll(/^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+\*/gm)) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, "."];
      for (const d of dirs)
        for (const f of m[2] ? moduleFiles(d, m[2]) : [joinPath(d, "__init__.py")]) out.add(f);
    }
    if (/\bsplit_settings\b/.test(text)) {
      for (const f of files) if (f.endsWith(".py") && f.startsWith(`${dirName(file)}/`)) out.add(f);
    }
    if (!/^\s*(INSTALLED_APPS|DATABASES|SECRET_KEY)\b/m.test(text)) continue;
    for (const m of text.matchAll(
      /^[ \t]*from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+(?:\(([^)]*)\)|([\w \t,]+))/gm
    )) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, "."];
      const names = (m[3] ?? m[4]).split(",").map((n) => n.trim().split(/\s+/)[0]).filter(Boolean);
      const modules2 = [m[2] ?? "", ...names.map((n) => m[2] ? `${m[2]}.${n}` : n)].filter(Boolean);
      for (const d of dirs) for (const mod of modules2) for (const f of moduleFiles(d, mod)) out.add(f);
      if (!m[2]) for (const d of dirs) out.add(joinPath(d, "__init__.py"));
    }
    for (const m of text.matchAll(/^[ \t]*import\s+([A-Za-z_][\w.]*)/gm))
      for (const d of [...manageDirs, "."]) for (const f of moduleFiles(d, m[1])) out.add(f);
  }
  for (const f of files) {
    const name = baseName(f);
    if (requirementNames.has(name) && !(f in texts)) out.add(f);
    if (commandWords.has(name) && !(f in texts) && !/\.(py|txt|toml|lock|json)$/.test(name)) out.add(f);
    const template = /^(.+\.ini)\.(template|tmpl|tpl|in)$/.exec(name)?.[1];
    if (template && commandWords.has(template) && !(f in texts)) out.add(f);
    if (dockerfileNames.has(name) && !(f in texts)) out.add(f);
    if (emperor && name.endsWith(".ini") && !(f in texts)) out.add(f);
    if (supervisorRun && /supervisor[^/]*\.(conf|ini)$|\.conf$/.test(f) && !(f in texts)) out.add(f);
    if (envFiles.has(name) && !(f in texts)) out.add(f);
    if ((nginxNames.has(name) || nginxDirs.has(baseName(dirName(f))) && name.endsWith(".conf")) && !(f in texts))
      out.add(f);
    if (f in texts || !name.endsWith(".py")) continue;
    if (pythonNames.has(name) || serverConfigNames.has(name)) out.add(f);
    const command = /(^|\/)management\/commands\/([a-z_][a-z0-9_]*)\.py$/.exec(f)?.[2];
    if (command && managementCommands.has(command)) out.add(f);
  }
  return [...out];
}
function extendsFileNames(file, text) {
  const out = [];
  const lines = text.split(LINES);
  lines.forEach((line, i) => {
    const m = /^(\s*)extends\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    let named = /\bfile\s*:\s*['"]?([^\s'",}#]+)/.exec(m[2])?.[1];
    for (const next of lines.slice(i + 1)) {
      if (named !== void 0 || m[2].trim() !== "") break;
      if (next.trim() === "" || next.trim().startsWith("#")) continue;
      if (/^\s*/.exec(next)[0].length <= m[1].length) break;
      named = /^\s*file\s*:\s*['"]?([^\s'"#]+)/.exec(next)?.[1];
    }
    const path = named === void 0 ? void 0 : normalizeRelative(joinPath(dirName(file), named));
    if (path !== void 0) out.push(path);
  });
  return out;
}
function commandLines(text) {
  const out = [];
  let key;
  for (const line of text.split(LINES)) {
    const indent = /^\s*/.exec(line)[0].length;
    if (key !== void 0 && line.trim() !== "" && indent > key) {
      out.push(line);
      continue;
    }
    key = void 0;
    if (!/^\s*(CMD|ENTRYPOINT|command|entrypoint|-)\b/i.test(line)) continue;
    out.push(line);
    if (/^\s*(command|entrypoint)\s*:/.test(line)) key = indent;
  }
  return out;
}
function envFileNames(text) {
  const out = [];
  const lines = text.split(LINES);
  const word = (s) => /^['"]?([^\s'"#,[\]{}]+)/.exec(s.trim())?.[1];
  lines.forEach((line, i) => {
    const m = /^(\s*)env_file\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    const inline = m[2].replace(/(^|\s)#.*$/, "").trim();
    const items = inline ? inline.replace(/^\[|\]$/g, "").split(",") : lines.slice(i + 1).filter((l) => l.trim() !== "" && !l.trim().startsWith("#")).map((l) => /^(\s*)(.*)$/.exec(l)).filter(
      (_, k, all) => all.slice(0, k + 1).every((x) => x[1].length > m[1].length || x[2].startsWith("-"))
    ).map((x) => x[2].replace(/^-\s*/, "").replace(/^path\s*:\s*/, "")).filter((x) => !/^required\s*:/.test(x));
    for (const item of items) {
      const w = word(item);
      if (w) out.push(baseName(w));
    }
  });
  return out;
}
function settingsChoosingModules(file, text) {
  if (!file.endsWith(".py")) return [];
  const out = [];
  if (/^(manage|wsgi|asgi)\.py$/.test(baseName(file)) || /\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(
      /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))/gm
    )) {
      const parts = (m[1] ?? m[2]).split(".");
      out.push(...parts.map((_, i) => parts.slice(0, i + 1).join(".")));
    }
  if (/\bDJANGO_SETTINGS_MODULE\b/.test(text))
    for (const m of text.matchAll(/['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)['"]/g)) out.push(m[1]);
  return out;
}

// src/discover/read-text.ts
var import_node_path = __toESM(require_node_path(), 1);

// src/util/text-encoding.ts
function decodeText(bytes) {
  const encoding = encodingOf(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    if (bytes.length % 2 !== 0) return { reason: "not valid UTF-16 text (odd number of bytes)" };
    let text;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      return { reason: "not valid UTF-16 text" };
    }
    if (text.includes("\0")) return { reason: "binary content (NUL characters), not text" };
    return { text, encoding };
  }
  const body = encoding === "utf-8-bom" ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { reason: "binary content (NUL bytes), not text" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
}
function encodingOf(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf-8-bom";
  return "utf-8";
}
function encodeText(text, encoding) {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([239, 187, 191]), Buffer.from(text, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([255, 254]), Buffer.from(text, "utf16le")]);
    case "utf-16be":
      return Buffer.concat([Buffer.from([254, 255]), Buffer.from(text, "utf16le").swap16()]);
  }
}

// src/discover/read-text.ts
function readText(realRoot, file, maxBytes, plain) {
  let bytes;
  try {
    bytes = plain ? readRegularFileSync((0, import_node_path.join)(realRoot, file), maxBytes, file) : readInsideSync(realRoot, file, { maxBytes });
  } catch (error) {
    if (error instanceof UnsafePathError) return { reason: error.reason };
    return {
      reason: `cannot be read (${error.code ?? error.message})`
    };
  }
  return textOf(bytes, maxBytes);
}
function textOf(bytes, maxBytes) {
  if (bytes.length > maxBytes) return { reason: `larger than ${formatBytes(maxBytes)}` };
  const decoded = decodeText(bytes);
  return "text" in decoded ? decoded.text : decoded;
}

// src/discover/sqlite-files.ts
var SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
var DATABASE_NAME = /^[^.]+$|^[^.].*\.(db|db3|sqlite|sqlite2|s3db|sl3|sqlitedb|data)$/i;
var MAX_CANDIDATES = 2e3;
function sqliteHeaderFiles(files, readHead) {
  const candidates = files.filter((f) => !/\.sqlite3$/i.test(f) && DATABASE_NAME.test(baseName(f))).slice(0, MAX_CANDIDATES);
  return candidates.filter((f) => readHead(f, SQLITE_HEADER.length)?.equals(SQLITE_HEADER) === true);
}

// src/discover/walk.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
function linkOnPath(file, links) {
  if (links.size === 0) return void 0;
  const parts = file.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    const reason = links.get(prefix);
    if (reason) return i === parts.length ? reason : `${prefix} is ${reason}`;
  }
  return void 0;
}
function walk(realRoot, limit) {
  const files = [];
  const plain = /* @__PURE__ */ new Set();
  const skipped = [];
  const links = [];
  const aliases = /* @__PURE__ */ new Map();
  const walked = (truncated) => ({ files, plain, skipped, links, aliases, truncated });
  const queue = [""];
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    let entries;
    try {
      entries = (0, import_node_fs.readdirSync)(dir === "" ? realRoot : (0, import_node_path2.join)(realRoot, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (SKIPPED_DIRS.has(entry.name)) {
        skipped.push(rel);
        continue;
      }
      if (entry.isDirectory()) queue.push(rel);
      else if (entry.isFile()) {
        files.push(rel);
        plain.add(rel);
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget((0, import_node_path2.join)(realRoot, rel), realRoot);
        if (typeof target === "string" && target !== "directory") {
          files.push(rel);
          aliases.set(rel, target);
        } else if (target !== "directory") links.push({ path: rel, reason: target.reason });
      }
      if (files.length >= limit) return walked(true);
    }
  }
  return walked(false);
}
function listOverlaid(walked, overlay) {
  const listed = new Set(walked.files);
  for (const file of overlay.keys()) {
    if (listed.has(file) || file.split("/").some((part) => SKIPPED_DIRS.has(part))) continue;
    walked.files.push(file);
    walked.plain.add(file);
  }
}
function linkTarget(abs, realRoot) {
  let target;
  try {
    target = import_node_fs.realpathSync.native(abs);
  } catch {
    return { reason: "a symbolic link whose target does not exist" };
  }
  if (!isInside(target, realRoot)) return { reason: "a symbolic link leaving the scanned directory" };
  try {
    const info = (0, import_node_fs.statSync)(target);
    if (info.isFile()) return (0, import_node_path2.relative)(realRoot, target).split(import_node_path2.sep).join("/");
    if (info.isDirectory()) return "directory";
  } catch {
    return { reason: "a symbolic link whose target does not exist" };
  }
  return { reason: "a symbolic link to something that is not a regular file" };
}

// src/discover/index.ts
var MAX_FILES = 5e4;
var MAX_FILE_BYTES = 2 * 1024 * 1024;
async function discover(root, options = {}, limits = {}, overlay) {
  const maxFiles = limits.maxFiles ?? MAX_FILES;
  const maxBytes = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const realRoot = import_node_fs2.realpathSync.native(root);
  const walked = walk(realRoot, maxFiles);
  if (overlay) listOverlaid(walked, overlay);
  const files = walked.files.sort();
  const fileSet = new Set(files);
  const links = new Map(walked.links.map((l) => [l.path, l.reason]));
  const texts = {};
  const unreadable = [];
  const named = new Set(
    [options.dockerfile, ...options.composeFiles ?? [], options.configFile].filter((f) => !!f).map((f) => f.replace(/^\.\//, ""))
  );
  const read = async (file) => {
    if (file in texts || unreadable.some((u) => u.file === file)) return;
    if (!fileSet.has(file)) {
      const link = linkOnPath(file, links);
      if (link) unreadable.push({ file, reason: link });
      if (link || !named.has(file)) return;
    }
    const overlaid = overlay?.get(file);
    const result = overlaid === void 0 ? readText(realRoot, file, maxBytes, walked.plain.has(file)) : textOf(Buffer.from(overlaid, "utf8"), maxBytes);
    if (typeof result === "string") texts[file] = result;
    else unreadable.push({ file, reason: result.reason });
  };
  const wanted = files.filter(
    (f) => isDockerfile(f) || isComposeFile(f) || isComposeCandidate(f) || isDockerignore(f) || isRequirementsFile(f) || isSettingsCandidate(f) || isScript(f) || isMakefile(f) || baseName(f) === "manage.py" || // `RUN npm run setup` may install the Python requirements from package.json's scripts.
    baseName(f) === "package.json" || // `RUN pipenv install --skip-lock` resolves the Pipfile's versions at build time.
    baseName(f) === "Pipfile" || // So does `RUN poetry install` a pyproject.toml's when no poetry.lock comes with it.
    baseName(f) === "pyproject.toml" || // Lock files pin the version of the server the image runs (uWSGI before 2.1 reloads on SIGTERM).
    ["poetry.lock", "uv.lock", "Pipfile.lock"].includes(baseName(f)) || // The server's entry module names the settings it runs (they may differ from manage.py's).
    baseName(f) === "wsgi.py" || baseName(f) === "asgi.py" || // The models' file fields store uploads in MEDIA_ROOT: a directory the app writes at run time.
    isModelsFile(f) || // s6-overlay's services: what /init runs (`type`, a oneshot's `up`, a longrun's `run`).
    /(^|\/)s6-rc\.d\/[^/]+\/(type|up|run)$/.test(f) || // runit's services: the run script of each directory under service/ that runsvdir supervises.
    /(^|\/)service\/[^/]+\/run$/.test(f) || // A root filesystem copied whole (`COPY root/ /`) holds nginx's configuration where nginx reads it.
    /(^|\/)etc\/nginx\/(.+\/)?[^/]+\.conf$/.test(f) || // Env files, templates and files in a `.env*` directory: TF0308 judges templates, and env files with only empty
    // or placeholder secrets, by what they hold.
    isEnvStyleName(f) || isInEnvDir(f) || // python-decouple's other file: the values the settings read with config() when the environment has none.
    baseName(f) === "settings.ini"
  );
  for (const l of walked.links) if (isCoreFile(l.path) || isDockerignore(l.path)) wanted.push(l.path);
  wanted.push(...named, DEFAULT_CONFIG_FILE);
  for (const f of wanted) await read(f);
  const bases = /* @__PURE__ */ new Set();
  for (const f of composeFilesNamed(texts)) if (f in texts) bases.add(f);
  for (let pass = 0; pass < 4; pass++) {
    const composeFiles2 = new Set(composeFilesAmong(texts));
    const fresh = Object.keys(texts).filter((f) => composeFiles2.has(f) || bases.has(f)).flatMap((f) => extendsFileNames(f, texts[f])).filter((f) => !bases.has(f) && fileSet.has(f));
    if (fresh.length === 0) break;
    for (const f of fresh) {
      bases.add(f);
      if (!(f in texts)) await read(f);
    }
  }
  const composeFiles = new Set(composeFilesAmong(texts));
  for (const f of Object.keys(texts))
    if (isComposeCandidate(f) && !composeFiles.has(f) && !named.has(f) && !bases.has(f)) delete texts[f];
  for (const [link, target] of walked.aliases)
    if (link in texts && target in texts && composeFiles.has(target) && !named.has(link)) delete texts[link];
  for (const f of composeFiles) if (f in texts) await read(joinPath(dirName(f), ".env"));
  for (const f of composeEnvFilesNamed(texts)) if (fileSet.has(f)) await read(f);
  for (let pass = 0; pass < 4; pass++) {
    const before = Object.keys(texts).length;
    for (const f of secondPassFiles(texts, files, options)) await read(f);
    if (Object.keys(texts).length === before) break;
  }
  const sdk = namesDockerSocket(texts) ? dockerSdkUses(files, (f) => {
    if (f in texts) return texts[f];
    const overlaid = overlay?.get(f);
    const r = overlaid === void 0 ? readText(realRoot, f, maxBytes, walked.plain.has(f)) : textOf(Buffer.from(overlaid, "utf8"), maxBytes);
    return typeof r === "string" ? r : void 0;
  }) : [];
  const ciConfigs = {};
  const readmes = {};
  for (const f of files.filter((f2) => isCiConfig(f2) || isReadme(f2))) {
    const overlaid = overlay?.get(f);
    const r = overlaid === void 0 ? readText(realRoot, f, maxBytes, walked.plain.has(f)) : textOf(Buffer.from(overlaid, "utf8"), maxBytes);
    if (typeof r !== "string") continue;
    if (/\bdocker\s+(?:buildx\s+|image\s+)?build\b/.test(r)) (isCiConfig(f) ? ciConfigs : readmes)[f] = r;
    else if (isReadme(f) && /\bdocker(?:-compose|\s+compose)(?:\s[^\n`]*)?\s-f\s/.test(r)) readmes[f] = r;
  }
  const sqliteFiles = sqliteHeaderFiles(files, (f, length) => {
    const overlaid = overlay?.get(f);
    if (overlaid !== void 0) return Buffer.from(overlaid, "utf8").subarray(0, length);
    try {
      return readHeadSync(walked.plain.has(f) ? (0, import_node_path3.join)(realRoot, f) : resolveInside(realRoot, f), length, f);
    } catch {
      return void 0;
    }
  });
  return {
    root: realRoot,
    files,
    texts,
    ...sqliteFiles.length > 0 ? { sqliteFiles } : {},
    ...Object.keys(ciConfigs).length > 0 ? { ciConfigs } : {},
    ...Object.keys(readmes).length > 0 ? { readmes } : {},
    unreadable,
    options,
    ...sdk.length > 0 ? { dockerSdkUses: sdk } : {},
    skippedDirs: walked.skipped.sort(),
    ...walked.links.length > 0 ? { links: walked.links } : {},
    ...walked.truncated ? { truncated: { limit: maxFiles } } : {}
  };
}

export {
  OptionError,
  DEFAULT_LIMITS,
  POSTGRES_MIN_MEMORY,
  parsePidsLimit,
  parseMemory,
  parseCpus,
  capCpus,
  containerLimitArgs,
  classicBuildLimitArgs,
  formatMemory,
  decodeText,
  encodingOf,
  encodeText,
  MAX_FILE_BYTES,
  discover,
  Redactor,
  isSecretName2 as isSecretName,
  tail
};
