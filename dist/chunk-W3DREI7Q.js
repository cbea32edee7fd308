import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  stepLog
} from "./chunk-OK73SJMM.js";
import {
  group
} from "./chunk-PRHUZ4QX.js";
import {
  writeOwnFile
} from "./chunk-36R665EV.js";

// src/publish/channel.ts
async function attempt(pub, name, fn) {
  await group(name, async () => {
    try {
      await fn();
    } catch (error) {
      stepLog.debug(error.stack ?? String(error));
      pub.warnings.push(`${name} could not be published: ${error.message}`);
      pub.notes.push(`${name}: not published (${error.message}).`);
    }
  });
}
function writeText(file, text, env) {
  writeOwnFile(file, text, [env.workspace, env.temp]);
}

export {
  attempt,
  writeText
};
