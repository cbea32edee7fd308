import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:os
var require_node_os = __commonJS({
  "builtin-by-require:node:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

export {
  require_node_os
};
