import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:crypto
var require_node_crypto = __commonJS({
  "builtin-by-require:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

export {
  require_node_crypto
};
