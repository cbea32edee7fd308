import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  require_node_crypto
} from "./chunk-E2P55RUK.js";
import {
  __toESM
} from "./chunk-TEVZZSVY.js";

// src/core/workflow-text.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var LINE_BREAK = /\r\n|\r|\n/;
var COMMAND_START = /^[\s\u0085\p{Cc}\p{Cf}]*::/u;
var LEGACY_COMMAND = "##[";
function looksLikeCommand(text) {
  return text.split(LINE_BREAK).some((line) => COMMAND_START.test(line) || line.includes(LEGACY_COMMAND));
}
function randomToken() {
  return `tfr-${(0, import_node_crypto.randomBytes)(16).toString("hex")}`;
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

export {
  inert,
  escapeData,
  escapeProperty
};
