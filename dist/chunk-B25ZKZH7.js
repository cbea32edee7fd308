import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM,
  require_node_fs,
  require_node_module
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:path
var require_node_path = __commonJS({
  "builtin-by-require:node:path"(exports, module) {
    module.exports = __require("node:path");
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
  const fd = openRegular(path, display);
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
function readHeadSync(path, length, display = path) {
  const fd = openRegular(path, display);
  try {
    if (!(0, import_node_fs.fstatSync)(fd).isFile()) throw new UnsafePathError(display, "not a regular file");
    const buffer = Buffer.alloc(length);
    const n = (0, import_node_fs.readSync)(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function openRegular(path, display) {
  try {
    return (0, import_node_fs.openSync)(path, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NOFOLLOW | import_node_fs.constants.O_NONBLOCK);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP") throw new UnsafePathError(display, "a symbolic link, not followed");
    if (code2 === "ENOENT") throw new UnsafePathError(display, "it does not exist");
    throw new UnsafePathError(display, `cannot be read (${code2 ?? error.message})`);
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
  const roots = within.map((w2) => plannedRealPath((0, import_node_path.resolve)(w2)).planned);
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
var import_node_module = __toESM(require_node_module(), 1);

// src/core/sha256-wasm.ts
var SHA256_WASM = "AGFzbQEAAAABDgNgAX8Bf2AAAGACf38AAwQDAAECBQMBAAEHGgMGbWVtb3J5AgAEaW5pdAABBmJsb2NrcwACCswEAxkAIABBCHdB/4H8B3EgAEEIeEGA/oN4cXILWgBBAEHnzKfQBjYCAEEEQYXdntt7NgIAQQhB8ua74wM2AgBBDEG66r+qejYCAEEQQf+kuYgFNgIAQRRBjNGV2Hk2AgBBGEGrs4/8ATYCAEEcQZmag98FNgIAC9QDAQ1/AkADQCAAIAFPDQFBACECA0AgAiAAIAJqKAIAEAA2AiAgAkEEaiECIAJBwABJDQALA0AgAkE8aygCICEDIAJBCGsoAiAhBCACIAJBwABrKAIgIANBB3ggA0ESeHMgA0EDdnNqIAJBHGsoAiAgBEEReCAEQRN4cyAEQQp2c2pqNgIgIAJBBGohAiACQYACSQ0AC0EAKAIAIQdBBCgCACEIQQgoAgAhCUEMKAIAIQpBECgCACELQRQoAgAhDEEYKAIAIQ1BHCgCACEOQQAhAgNAIA4gC0EGeCALQQt4cyALQRl4c2ogCyAMcSALQX9zIA1xcyACKAKgAiACKAIgampqIQUgB0ECeCAHQQ14cyAHQRZ4cyAHIAhxIAcgCXFzIAggCXFzaiEGIA0hDiAMIQ0gCyEMIAogBWohCyAJIQogCCEJIAchCCAFIAZqIQcgAkEEaiECIAJBgAJJDQALQQBBACgCACAHajYCAEEEQQQoAgAgCGo2AgBBCEEIKAIAIAlqNgIAQQxBDCgCACAKajYCAEEQQRAoAgAgC2o2AgBBFEEUKAIAIAxqNgIAQRhBGCgCACANajYCAEEcQRwoAgAgDmo2AgAgAEHAAGohAAwACwsLC4gCAQBBoAILgAKYL4pCkUQ3cc/7wLWl27XpW8JWOfER8Vmkgj+S1V4cq5iqB9gBW4MSvoUxJMN9DFV0Xb5y/rHegKcG3Jt08ZvBwWmb5IZHvu/GncEPzKEMJG8s6S2qhHRK3KmwXNqI+XZSUT6YbcYxqMgnA7DHf1m/8wvgxkeRp9VRY8oGZykpFIUKtyc4IRsu/G0sTRMNOFNUcwpluwpqdi7JwoGFLHKSoei/oktmGqhwi0vCo1FsxxnoktEkBpnWhTUO9HCgahAWwaQZCGw3Hkx3SCe1vLA0swwcOUqq2E5Pypxb828uaO6Cj3RvY6V4FHjIhAgCx4z6/76Q62xQpPej+b7yeHHG";

// src/core/sha256.ts
var K = new Int32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var encoder = new TextEncoder();
var w = new Int32Array(64);
var MESSAGE = 1024;
var wasm;
function wasmModule() {
  if (wasm === void 0) {
    try {
      const bytes = Buffer.from(SHA256_WASM, "base64");
      wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    } catch {
      wasm = null;
    }
  }
  return wasm;
}
function sha256IsNative() {
  return wasmModule() !== null;
}
function sha256Hex(text) {
  const x = wasmModule();
  return x ? sha256HexWasm(x, text) : sha256HexJs(text);
}
function sha256HexWasm(x, text) {
  const need = MESSAGE + text.length * 3 + 72;
  if (need > x.memory.buffer.byteLength)
    x.memory.grow(Math.ceil((need - x.memory.buffer.byteLength) / 65536));
  const mem = new Uint8Array(x.memory.buffer);
  const n = encoder.encodeInto(text, mem.subarray(MESSAGE)).written;
  const end = MESSAGE + (n + 9 + 63 >>> 6 << 6);
  mem.fill(0, MESSAGE + n, end);
  mem[MESSAGE + n] = 128;
  const view = new DataView(x.memory.buffer);
  const bits = n * 8;
  view.setUint32(end - 8, Math.floor(bits / 4294967296));
  view.setUint32(end - 4, bits >>> 0);
  x.init();
  x.blocks(MESSAGE, end);
  let hex = "";
  for (let i = 0; i < 32; i += 4) hex += view.getUint32(i, true).toString(16).padStart(8, "0");
  return hex;
}
function sha256HexJs(text) {
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const end = n + 9 + 63 >>> 6 << 6;
  const m = new Uint8Array(end);
  m.set(bytes);
  m[n] = 128;
  const bits = n * 8;
  const high = Math.floor(bits / 4294967296);
  for (let i = 0; i < 4; i++) {
    m[end - 8 + i] = high >>> 24 - 8 * i;
    m[end - 4 + i] = bits >>> 24 - 8 * i;
  }
  let h0 = 1779033703 | 0;
  let h1 = 3144134277 | 0;
  let h2 = 1013904242 | 0;
  let h3 = 2773480762 | 0;
  let h4 = 1359893119 | 0;
  let h5 = 2600822924 | 0;
  let h6 = 528734635 | 0;
  let h7 = 1541459225 | 0;
  for (let o = 0; o < end; o += 64) {
    for (let i = 0, j = o; i < 16; i++, j += 4)
      w[i] = m[j] << 24 | m[j + 1] << 16 | m[j + 2] << 8 | m[j + 3];
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
      const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
      w[i] = w[i - 16] + s0 + w[i - 7] + s1 | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      const t1 = h + s1 + (e & f ^ ~e & g) + K[i] + w[i] | 0;
      const s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
      const t2 = s0 + (a & b ^ a & c ^ b & c) | 0;
      h = g;
      g = f;
      f = e;
      e = d + t1 | 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 | 0;
    }
    h0 = h0 + a | 0;
    h1 = h1 + b | 0;
    h2 = h2 + c | 0;
    h3 = h3 + d | 0;
    h4 = h4 + e | 0;
    h5 = h5 + f | 0;
    h6 = h6 + g | 0;
    h7 = h7 + h | 0;
  }
  let hex = "";
  for (const x of [h0, h1, h2, h3, h4, h5, h6, h7]) hex += (x >>> 0).toString(16).padStart(8, "0");
  return hex;
}

// src/core/fingerprint.ts
var MEASURE = /\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?|min|minutes?|[KMG]i?B|%)(?![\w])/g;
function stableMessage(message) {
  return message.replace(MEASURE, "#");
}
function identityKey(raw) {
  return raw.key ?? stableMessage(raw.message);
}
function fingerprintOf(ruleId, raw) {
  return digest(`${ruleId}\0${raw.file}\0${identityKey(raw)}`).slice(0, 16);
}
var JS_HASHES = 256;
var hashed = 0;
var native;
var DIGESTS_KEPT = 1024;
var digests = /* @__PURE__ */ new Map();
function digest(text) {
  let hex = digests.get(text);
  if (hex === void 0) {
    hex = hashOf(text);
    if (digests.size >= DIGESTS_KEPT) digests.delete(digests.keys().next().value);
    digests.set(text, hex);
  }
  return hex;
}
function hashOf(text) {
  if (native) return native(text);
  if (++hashed <= JS_HASHES || sha256IsNative()) return sha256Hex(text);
  const crypto = (0, import_node_module.createRequire)(import.meta.url)("node:crypto");
  native = typeof crypto.hash === "function" ? (t) => crypto.hash("sha256", t, "hex") : (t) => crypto.createHash("sha256").update(t).digest("hex");
  return native(text);
}
function stamp(rule, raw) {
  const { key: _key, ...rest } = raw;
  const finding = {
    ...rest,
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    kind: rule.kind,
    severity: raw.severity ?? rule.severity,
    related: rule.related
  };
  let fingerprint;
  return Object.defineProperty(finding, "fingerprint", {
    get: () => fingerprint ??= fingerprintOf(rule.id, raw),
    set: (value) => void (fingerprint = value),
    enumerable: true,
    configurable: true
  });
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
    else if ("parts" in v) v.parts.forEach(push);
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
  SEVERITIES,
  sha256Hex,
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
  readHeadSync,
  writeOwnFile,
  formatBytes
};
