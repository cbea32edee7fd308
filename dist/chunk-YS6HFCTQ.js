import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-TEVZZSVY.js";

// builtin-by-require:node:module
var require_node_module = __commonJS({
  "builtin-by-require:node:module"(exports, module) {
    module.exports = __require("node:module");
  }
});

export {
  require_node_module
};
