import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  require_node_os
} from "./chunk-YP4C5K2K.js";
import {
  __toESM,
  require_node_fs,
  require_node_module
} from "./chunk-DE2SF5KL.js";

// src/step-commands.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_module3 = __toESM(require_node_module(), 1);
var import_node_os = __toESM(require_node_os(), 1);

// src/core/workflow-text.ts
var import_node_module = __toESM(require_node_module(), 1);
var require2 = (0, import_node_module.createRequire)(import.meta.url);
var LINE_BREAK = /\r\n|\r|\n/;
var COMMAND_START = /^[\s\u0085\p{Cc}\p{Cf}]*::/u;
var LEGACY_COMMAND = "##[";
function looksLikeCommand(text) {
  return text.split(LINE_BREAK).some((line) => COMMAND_START.test(line) || line.includes(LEGACY_COMMAND));
}
function randomToken() {
  const { randomBytes } = require2("node:crypto");
  return `tfr-${randomBytes(16).toString("hex")}`;
}
function inert(text, token = randomToken) {
  if (!looksLikeCommand(text)) return text;
  let t = token();
  while (text.toLowerCase().includes(t.toLowerCase())) t = token();
  return `::stop-commands::${t}
${text}
::${t}::`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/util/std-streams.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_module2 = __toESM(require_node_module(), 1);
var require3 = (0, import_node_module2.createRequire)(import.meta.url);
var pause = (ms) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
function writeAll(fd, text) {
  let bytes = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray((0, import_node_fs.writeSync)(fd, bytes));
    } catch (error2) {
      const code = error2.code;
      if (code === "EAGAIN") pause(1);
      else if (code === "EPIPE") return;
      else throw error2;
    }
  }
}

// src/step-commands.ts
var require4 = (0, import_node_module3.createRequire)(import.meta.url);
function toCommandValue(input) {
  if (input === null || input === void 0) return "";
  if (typeof input === "string" || input instanceof String) return String(input);
  return JSON.stringify(input);
}
function commandText(command, properties, message) {
  let text = `::${command || "missing.command"}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    const props = keys.filter((k) => properties[k]).map((k) => `${k}=${escapeProperty(toCommandValue(properties[k]))}`);
    text += ` ${props.join(",")}`;
  }
  return `${text}::${escapeData(toCommandValue(message))}`;
}
function issueCommand(command, properties, message) {
  writeAll(1, commandText(command, properties, message) + import_node_os.EOL);
}
function toCommandProperties(p) {
  if (!Object.keys(p).length) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  };
}
var pool = Buffer.alloc(0);
function randomBytes16() {
  if (pool.length < 16) {
    try {
      const fd = (0, import_node_fs2.openSync)("/dev/urandom", "r");
      try {
        const bytes2 = Buffer.alloc(256);
        if ((0, import_node_fs2.readSync)(fd, bytes2, 0, bytes2.length, null) !== bytes2.length) throw new Error("short read");
        pool = bytes2;
      } finally {
        (0, import_node_fs2.closeSync)(fd);
      }
    } catch {
      pool = require4("node:crypto").randomBytes(256);
    }
  }
  const bytes = Buffer.from(pool.subarray(0, 16));
  pool = pool.subarray(16);
  return bytes;
}
function randomUuid(bytes = randomBytes16()) {
  bytes[6] = bytes[6] & 15 | 64;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function keyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${randomUuid()}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (converted.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${import_node_os.EOL}${converted}${import_node_os.EOL}${delimiter}`;
}
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!(0, import_node_fs2.existsSync)(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  (0, import_node_fs2.appendFileSync)(filePath, `${message}${import_node_os.EOL}`, { encoding: "utf8" });
}
function setOutput(name, value) {
  if (process.env["GITHUB_OUTPUT"]) {
    issueFileCommand("OUTPUT", keyValueMessage(name, value));
    return;
  }
  writeAll(1, import_node_os.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function saveState(name, value) {
  if (process.env["GITHUB_STATE"]) {
    issueFileCommand("STATE", keyValueMessage(name, value));
    return;
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function info(message) {
  writeAll(1, message + import_node_os.EOL);
}
function error(message, properties = {}) {
  issueCommand(
    "error",
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function warning(message, properties = {}) {
  issueCommand(
    "warning",
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function notice(message, properties = {}) {
  issueCommand(
    "notice",
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
async function group(name, fn) {
  issueCommand("group", {}, name);
  try {
    return await fn();
  } finally {
    issueCommand("endgroup", {}, "");
  }
}
function appendSummary(text) {
  const file = process.env["GITHUB_STEP_SUMMARY"];
  if (!file)
    throw new Error(
      "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries."
    );
  try {
    (0, import_node_fs2.accessSync)(file, import_node_fs2.constants.R_OK | import_node_fs2.constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
    );
  }
  (0, import_node_fs2.appendFileSync)(file, text + import_node_os.EOL, { encoding: "utf8" });
}

// src/log.ts
var stepLog = {
  info: (text) => info(inert(text)),
  debug: (text) => debug(text)
};

export {
  setOutput,
  saveState,
  getState,
  setSecret,
  error,
  warning,
  notice,
  setFailed,
  group,
  appendSummary,
  stepLog
};
