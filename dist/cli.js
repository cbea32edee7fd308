#!/usr/bin/env node
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod2) => function __require() {
  try {
    return mod2 || (0, cb[__getOwnPropNames(cb)[0]])((mod2 = { exports: {} }).exports, mod2), mod2.exports;
  } catch (e) {
    throw mod2 = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod2, isNodeMode, target) => (target = mod2 != null ? __create(__getProtoOf(mod2)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod2 || !mod2.__esModule ? __defProp(target, "default", { value: mod2, enumerable: true }) : target,
  mod2
));

// builtin-by-getter:node:module
var require_node_module = __commonJS({
  "builtin-by-getter:node:module"(exports, module) {
    module.exports = process.getBuiltinModule("node:module");
  }
});

// builtin-by-getter:node:fs
var require_node_fs = __commonJS({
  "builtin-by-getter:node:fs"(exports, module) {
    module.exports = process.getBuiltinModule("node:fs");
  }
});

// builtin-by-getter:node:os
var require_node_os = __commonJS({
  "builtin-by-getter:node:os"(exports, module) {
    module.exports = process.getBuiltinModule("node:os");
  }
});

// builtin-by-getter:node:path
var require_node_path = __commonJS({
  "builtin-by-getter:node:path"(exports, module) {
    module.exports = process.getBuiltinModule("node:path");
  }
});

// builtin-by-getter:node:url
var require_node_url = __commonJS({
  "builtin-by-getter:node:url"(exports, module) {
    module.exports = process.getBuiltinModule("node:url");
  }
});

// builtin-by-getter:node:vm
var require_node_vm = __commonJS({
  "builtin-by-getter:node:vm"(exports, module) {
    module.exports = process.getBuiltinModule("node:vm");
  }
});

// src/cli-launcher.ts
var import_node_module = __toESM(require_node_module(), 1);
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var import_node_url = __toESM(require_node_url(), 1);
var import_node_vm = __toESM(require_node_vm(), 1);

// src/code-cache.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
function runsInCi(env) {
  return [env.CI, env.GITHUB_ACTIONS].some((v) => v !== void 0 && v !== "" && !/^(false|0)$/i.test(v));
}
function cacheDirectory(env) {
  if (env.disabled) return void 0;
  if (env.ci && !env.compileCacheDir) return void 0;
  return env.compileCacheDir ? (0, import_node_path.join)(env.compileCacheDir, "twelve-factor-review") : (0, import_node_path.join)(env.tmpdir, `twelve-factor-review-${env.uid}`);
}
function cacheFileName(bundleHash, nodeVersion, arch) {
  return `cli-${bundleHash}-${nodeVersion}-${arch}.v8cache`;
}
function isPrivate(path, uid2, kind) {
  try {
    const s = (0, import_node_fs.lstatSync)(path);
    const isKind = kind === "dir" ? s.isDirectory() : s.isFile();
    return isKind && s.uid === uid2 && (s.mode & 18) === 0;
  } catch {
    return false;
  }
}
function privateDirectory(dir2, uid2) {
  try {
    (0, import_node_fs.mkdirSync)(dir2, { recursive: true, mode: 448 });
  } catch {
    return void 0;
  }
  return isPrivate(dir2, uid2, "dir") ? dir2 : void 0;
}
function readCache(file, uid2) {
  if (!isPrivate(file, uid2, "file")) return void 0;
  try {
    return (0, import_node_fs.readFileSync)(file);
  } catch {
    return void 0;
  }
}
function writeCache(dir2, name2, data) {
  const temp = (0, import_node_path.join)(dir2, `.${name2}.${process.pid}`);
  try {
    (0, import_node_fs.writeFileSync)(temp, data, { mode: 384, flag: "wx" });
    (0, import_node_fs.renameSync)(temp, (0, import_node_path.join)(dir2, name2));
    for (const old of (0, import_node_fs.readdirSync)(dir2))
      if (old !== name2 && old.startsWith("cli-") && old.endsWith(".v8cache"))
        (0, import_node_fs.rmSync)((0, import_node_path.join)(dir2, old), { force: true });
  } catch {
    (0, import_node_fs.rmSync)(temp, { force: true });
  }
}

// src/cli-launcher.ts
var bundle = (0, import_node_path2.join)((0, import_node_path2.dirname)((0, import_node_url.fileURLToPath)(import.meta.url)), "cli-main.cjs");
var argv = process.argv.slice(2);
var uid = process.getuid?.() ?? -1;
var dir = cacheDirectory({
  compileCacheDir: process.env.NODE_COMPILE_CACHE || void 0,
  disabled: process.env.NODE_DISABLE_COMPILE_CACHE === "1" || uid < 0,
  ci: runsInCi(process.env),
  tmpdir: (0, import_node_os.tmpdir)(),
  uid
});
var cacheDir = dir && privateDirectory(dir, uid);
var name = cacheFileName("b316e4cc907fe78f", process.version, process.arch);
var cached = cacheDir ? readCache((0, import_node_path2.join)(cacheDir, name), uid) : void 0;
var script = new import_node_vm.Script(import_node_module.default.wrap((0, import_node_fs2.readFileSync)(bundle, "utf8")), {
  filename: bundle,
  cachedData: cached
});
var mod = { exports: {} };
script.runInThisContext()(
  mod.exports,
  (0, import_node_module.createRequire)(bundle),
  mod,
  bundle,
  (0, import_node_path2.dirname)(bundle)
);
process.exitCode = await mod.exports.cli(argv);
var analysed = !argv.some((a) => a === "--version" || a === "--help" || a === "-h");
if (cacheDir && analysed && (!cached || script.cachedDataRejected))
  writeCache(cacheDir, name, script.createCachedData());
