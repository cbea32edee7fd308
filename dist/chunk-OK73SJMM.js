import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  inert
} from "./chunk-N3XCDPQ6.js";
import {
  debug,
  info
} from "./chunk-PRHUZ4QX.js";

// src/log.ts
var stepLog = {
  info: (text) => info(inert(text)),
  debug: (text) => debug(text)
};

export {
  stepLog
};
