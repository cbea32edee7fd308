import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  ENGINES,
  locateBuildFailure,
  newRunId,
  nodeHttpProbe,
  parseDeployCheck,
  planEnv,
  runSmoke
} from "./chunk-KAG3P2CI.js";
import {
  DEFAULT_LIMITS,
  Redactor
} from "./chunk-V5OMEQG5.js";
import {
  RUN_LABEL,
  SMOKE_STATE_KEY,
  createDockerCli,
  removeRun
} from "./chunk-CR4OBGVQ.js";
import "./chunk-TEVZZSVY.js";
export {
  DEFAULT_LIMITS,
  ENGINES,
  RUN_LABEL,
  Redactor,
  SMOKE_STATE_KEY,
  createDockerCli,
  locateBuildFailure,
  newRunId,
  nodeHttpProbe,
  parseDeployCheck,
  planEnv,
  removeRun,
  runSmoke
};
