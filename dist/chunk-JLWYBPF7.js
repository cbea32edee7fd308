import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-TEVZZSVY.js";

// builtin-by-require:node:child_process
var require_node_child_process = __commonJS({
  "builtin-by-require:node:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

export {
  require_node_child_process
};
