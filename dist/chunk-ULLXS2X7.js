import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  debug,
  info
} from "./chunk-PRHUZ4QX.js";
import {
  require_node_module
} from "./chunk-YS6HFCTQ.js";
import {
  __toESM
} from "./chunk-TEVZZSVY.js";

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

// src/log.ts
var stepLog = {
  info: (text) => info(inert(text)),
  debug: (text) => debug(text)
};

export {
  stepLog
};
