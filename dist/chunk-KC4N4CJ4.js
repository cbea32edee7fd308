import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  ENGINES,
  locateBuildFailure,
  newRunId,
  nodeHttpProbe,
  parseDeployCheck,
  planEnv,
  runSmoke
} from "./chunk-VSMOAI5D.js";
import {
  DEFAULT_LIMITS,
  Redactor
} from "./chunk-3BXNDRAD.js";
import {
  RUN_LABEL,
  SMOKE_LAYERS_STATE_KEY,
  SMOKE_STATE_KEY,
  createDockerCli,
  removeRun
} from "./chunk-PZQJWDGC.js";
import "./chunk-TEVZZSVY.js";
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
