import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  ENGINES,
  locateBuildFailure,
  newRunId,
  nodeHttpProbe,
  parseDeployCheck,
  planEnv,
  runSmoke
} from "./chunk-GVBLFDQE.js";
import {
  DEFAULT_LIMITS,
  Redactor
} from "./chunk-UZASYCIH.js";
import {
  RUN_LABEL,
  SMOKE_LAYERS_STATE_KEY,
  SMOKE_STATE_KEY,
  createDockerCli,
  removeRun
} from "./chunk-4ZTSOJMM.js";
import "./chunk-SBUXF6WE.js";
export {
  DEFAULT_LIMITS,
  ENGINES,
  RUN_LABEL,
  Redactor,
  SMOKE_LAYERS_STATE_KEY,
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
