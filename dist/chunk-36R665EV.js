import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  require_node_crypto
} from "./chunk-E2P55RUK.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-TEVZZSVY.js";

// builtin-by-require:node:path
var require_node_path = __commonJS({
  "builtin-by-require:node:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// builtin-by-require:node:fs
var require_node_fs = __commonJS({
  "builtin-by-require:node:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// src/util/safe-fs.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var realpath = import_node_fs.realpathSync.native;
var UnsafePathError = class extends Error {
  constructor(path, reason) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
  path;
  reason;
  name = "UnsafePathError";
};
function isInside(path, root) {
  const rel = (0, import_node_path.relative)(root, path);
  return rel === "" || !rel.startsWith(`..${import_node_path.sep}`) && rel !== ".." && !(0, import_node_path.isAbsolute)(rel);
}
function resolveInside(root, path, what = "the scanned directory") {
  const absRoot = (0, import_node_path.resolve)(root);
  const realRoot = realpath(absRoot);
  const lexical = (0, import_node_path.resolve)(absRoot, path);
  if (!isInside(lexical, absRoot) && !isInside(lexical, realRoot))
    throw new UnsafePathError(path, `outside ${what}`);
  let real;
  try {
    real = realpath(lexical);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ENOENT" && isLink(lexical))
      throw new UnsafePathError(path, "a symbolic link whose target does not exist");
    throw new UnsafePathError(
      path,
      code2 === "ENOENT" || code2 === "ENOTDIR" ? "it does not exist" : `cannot be read (${code2 ?? error.message})`
    );
  }
  if (!isInside(real, realRoot)) throw new UnsafePathError(path, `a symbolic link leaving ${what}`);
  return real;
}
function readInsideSync(root, path, limits) {
  const real = resolveInside(root, path, limits.what);
  return readRegularFileSync(real, limits.maxBytes, path);
}
async function readInside(root, path, limits) {
  return readInsideSync(root, path, limits);
}
function readRegularFileSync(path, maxBytes, display = path) {
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(path, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NOFOLLOW | import_node_fs.constants.O_NONBLOCK);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP") throw new UnsafePathError(display, "a symbolic link, not followed");
    if (code2 === "ENOENT") throw new UnsafePathError(display, "it does not exist");
    throw new UnsafePathError(display, `cannot be read (${code2 ?? error.message})`);
  }
  try {
    const info = (0, import_node_fs.fstatSync)(fd);
    if (!info.isFile()) throw new UnsafePathError(display, "not a regular file");
    if (info.size > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (; ; ) {
      const n = (0, import_node_fs.readSync)(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    return buffer.subarray(0, length);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function writeOwnFile(path, text, within) {
  const file = (0, import_node_path.resolve)(path);
  const dir = ownDirectory((0, import_node_path.dirname)(file), within);
  const target = (0, import_node_path.join)(dir, (0, import_node_path.basename)(file));
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(
      target,
      import_node_fs.constants.O_WRONLY | import_node_fs.constants.O_CREAT | import_node_fs.constants.O_NOFOLLOW | import_node_fs.constants.O_NONBLOCK,
      420
    );
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP") throw new UnsafePathError(path, "a symbolic link; refusing to write through it");
    throw new UnsafePathError(path, `cannot be written (${code2 ?? error.message})`);
  }
  try {
    const info = (0, import_node_fs.fstatSync)(fd);
    if (!info.isFile()) throw new UnsafePathError(path, "not a regular file; refusing to write to it");
    if (info.nlink > 1)
      throw new UnsafePathError(path, "a file with other hard links; refusing to write to it");
    (0, import_node_fs.ftruncateSync)(fd, 0);
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    for (let off = 0; off < bytes.length; ) off += (0, import_node_fs.writeSync)(fd, bytes, off, bytes.length - off, off);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function ownDirectory(dir, within) {
  const roots = within.map((w) => plannedRealPath((0, import_node_path.resolve)(w)).planned);
  const { real, missing, planned } = plannedRealPath(dir);
  if (!roots.some((r) => isInside(planned, r)))
    throw new UnsafePathError(dir, "outside the workspace and the runner temporary directory");
  let current = real;
  for (const name of missing) {
    current = (0, import_node_path.join)(current, name);
    try {
      (0, import_node_fs.mkdirSync)(current, { mode: 493 });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (!(0, import_node_fs.lstatSync)(current).isDirectory()) throw new UnsafePathError(current, "not a directory");
  }
  if (!statSyncIsDirectory(current)) throw new UnsafePathError(dir, "not a directory");
  return current;
}
function plannedRealPath(dir) {
  const missing = [];
  let existing = dir;
  while (!exists(existing)) {
    const parent = (0, import_node_path.dirname)(existing);
    if (parent === existing) break;
    missing.unshift((0, import_node_path.basename)(existing));
    existing = parent;
  }
  let real;
  try {
    real = realpath(existing);
  } catch {
    throw new UnsafePathError(dir, "a symbolic link whose target does not exist");
  }
  return { real, missing, planned: (0, import_node_path.join)(real, ...missing) };
}
function statSyncIsDirectory(path) {
  try {
    return (0, import_node_fs.lstatSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function exists(path) {
  try {
    (0, import_node_fs.lstatSync)(path);
    return true;
  } catch {
    return false;
  }
}
function isLink(path) {
  try {
    return (0, import_node_fs.lstatSync)(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function formatBytes(n) {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

// src/core/finding.ts
var SEVERITIES = ["error", "warning", "notice"];

// src/core/fingerprint.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var MEASURE = /\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?|min|minutes?|[KMG]i?B|%)(?![\w])/g;
function stableMessage(message) {
  return message.replace(MEASURE, "#");
}
function identityKey(raw) {
  return raw.key ?? stableMessage(raw.message);
}
function fingerprintOf(ruleId, raw) {
  return sha256Hex(`${ruleId}\0${raw.file}\0${identityKey(raw)}`).slice(0, 16);
}
var sha256Hex = typeof import_node_crypto.default.hash === "function" ? (text) => import_node_crypto.default.hash("sha256", text, "hex") : (text) => import_node_crypto.default.createHash("sha256").update(text).digest("hex");
function stamp(rule, raw) {
  const { key: _key, ...rest } = raw;
  return {
    ...rest,
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    kind: rule.kind,
    severity: raw.severity ?? rule.severity,
    related: rule.related,
    fingerprint: fingerprintOf(rule.id, raw)
  };
}

// src/core/message.ts
function code(text) {
  return { kind: "code", text };
}
function msg(strings, ...values) {
  const parts = [];
  const push = (part) => {
    if (part.text === "") return;
    const last = parts.at(-1);
    if (last && last.kind === part.kind && part.kind !== "code") last.text += part.text;
    else parts.push({ ...part });
  };
  strings.forEach((literal, i) => {
    push({ kind: "text", text: literal });
    if (i >= values.length) return;
    const v = values[i];
    if (typeof v === "number") push({ kind: "text", text: String(v) });
    else if (typeof v === "string") push({ kind: "value", text: v });
    else push(v);
  });
  return { message: plainMessage(parts), parts };
}
function plainMessage(parts) {
  return parts.map((p) => p.kind === "code" ? backticked(p.text) : p.text).join("");
}
function backticked(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function partsOfPlain(message) {
  const parts = [];
  let rest = message;
  for (; ; ) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const fence = open[0];
    const after = rest.slice(open.index + fence.length);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(after);
    if (!close) break;
    if (open.index > 0) parts.push({ kind: "value", text: rest.slice(0, open.index) });
    let inner = after.slice(0, close.index);
    if (/^ .*[^ ].* $/s.test(inner)) inner = inner.slice(1, -1);
    parts.push({ kind: "code", text: inner });
    rest = after.slice(close.index + fence.length);
  }
  if (rest) parts.push({ kind: "value", text: rest });
  return parts;
}

// src/core/run-facts.ts
function normalizePackageName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function runFactsOf(observations) {
  const facts = {};
  const own = observations.filter(
    (o) => ["installed-packages", "base-image", "listening", "sqlite-written"].includes(o.kind)
  );
  for (const o of own) {
    if (o.kind === "installed-packages") {
      facts.installed = Object.fromEntries(
        Object.entries(o.packages).map(([name, version]) => [normalizePackageName(name), version])
      );
    } else if (o.kind === "base-image") {
      facts.baseImage = { ref: o.ref, id: o.id, ...o.digest ? { digest: o.digest } : {} };
    } else if (o.kind === "sqlite-written") {
      facts.sqliteDir ??= o.path.replace(/\/[^/]*$/, "") || "/";
    }
  }
  const listening = own.filter((o) => o.kind === "listening");
  const seen = [...new Set(listening.map((o) => o.port))];
  const port = listening.find((o) => o.answered)?.port ?? (seen.length === 1 ? seen[0] : void 0);
  if (port !== void 0) facts.port = port;
  return facts;
}

// src/core/fix.ts
function replaceLines(file, first, last, lines) {
  return {
    file,
    start: { line: first, column: 1 },
    end: { line: last + 1, column: 1 },
    text: lines.map((l) => `${l}
`).join("")
  };
}
function insertLines(file, before, lines) {
  return {
    file,
    start: { line: before, column: 1 },
    end: { line: before, column: 1 },
    text: lines.map((l) => `${l}
`).join("")
  };
}
function replaceInLine(file, line, column, endColumn, text) {
  return { file, start: { line, column }, end: { line, column: endColumn }, text };
}

export {
  require_node_path,
  require_node_fs,
  SEVERITIES,
  stableMessage,
  stamp,
  code,
  msg,
  plainMessage,
  partsOfPlain,
  replaceLines,
  insertLines,
  replaceInLine,
  normalizePackageName,
  runFactsOf,
  UnsafePathError,
  isInside,
  resolveInside,
  readInsideSync,
  readInside,
  readRegularFileSync,
  writeOwnFile,
  formatBytes
};
