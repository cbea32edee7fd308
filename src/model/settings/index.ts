/** The Django settings model: a settings module's text → how each setting is obtained, and the queries rules use. */
import { parsePython } from '../../parse/python.js';
import type { ParseError } from '../types/project.js';
import type { SettingsModel } from '../types/settings.js';
import {
  messageOf,
  ModuleEvaluation,
  type EvaluationFailure,
  type IncludeResolver,
  type StarImportResolver,
} from './evaluation.js';
import { applyConfiguration, selectedConfiguration } from './configurations.js';
import { settingsModelOf } from './model.js';

export { DUMMY_ENGINE, isEnginePath, isServerEngine, isSqliteEngine } from './databases.js';
export type { IncludeResolver, ModuleSource, StarImportResolver } from './evaluation.js';
export {
  defaultFileStorages,
  envFallbackEngine,
  fallbackSelectors,
  fallbackWhen,
  serverValues,
  isFileSystemStorage,
  liveAssignments,
  providedEnvironment,
  urlFallbackEngine,
  valueWhenUnset,
  withBases,
  type FileStorageChoice,
  type ProvidedEnvironment,
} from './query.js';

/**
 * Settings module text → how each setting is obtained. Pure; never throws on bad input. A failure of the evaluator
 * itself is reported as an error on the file (it would otherwise look like a settings module with nothing to say).
 * With `resolve`, modules it star-imports are evaluated in place, as Django runs them; with `includes`, the files
 * django-split-settings' include() names.
 */
export function modelSettings(
  file: string,
  module: string,
  text: string,
  resolve?: StarImportResolver,
  includes?: IncludeResolver,
): { model?: SettingsModel; errors: ParseError[] } {
  const empty: SettingsModel = { file, module, assignments: [], envReads: [], logHandlers: [] };
  let python: ReturnType<typeof parsePython>;
  try {
    python = parsePython(text);
  } catch (error) {
    return { model: empty, errors: [{ file, message: `Settings could not be read: ${messageOf(error)}` }] };
  }
  const errors: ParseError[] = python.error
    ? [
        {
          file,
          line: python.error.line,
          message: `Python syntax error at line ${python.error.line}, column ${python.error.column}: the settings module was read only as far as it parses`,
        },
      ]
    : [];
  const evaluation = new ModuleEvaluation(file, python, resolve, 0, undefined, includes);
  let model: SettingsModel;
  let failures: EvaluationFailure[];
  try {
    const ctx = evaluation.run();
    const selected = selectedConfiguration(
      ctx,
      evaluation.containerValue('DJANGO_CONFIGURATION'),
      evaluation.defaultConfiguration,
    );
    if (selected) applyConfiguration(evaluation, ctx, selected);
    model = settingsModelOf(evaluation, module, ctx);
    failures = evaluation.failures;
  } catch (error) {
    model = empty;
    failures = [...evaluation.failures, { message: messageOf(error) }];
  }
  for (const e of evaluation.syntaxErrors)
    errors.push({
      file: e.file,
      line: e.line,
      message: `Python syntax error at line ${e.line}, column ${e.column}: the settings module was read only as far as it parses`,
    });
  for (const f of new Set([file, ...failures.map((x) => x.file ?? file)])) {
    const own = failures.filter((x) => (x.file ?? file) === f);
    if (own.length > 0) errors.push(evaluationError(f, own));
  }
  return { model, errors };
}

/** One error for all the statements the evaluator could not follow: the first, and how many more. */
function evaluationError(file: string, failures: EvaluationFailure[]): ParseError {
  const [first] = failures;
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more statement(s) not evaluated)` : '';
  const error: ParseError = {
    file,
    message: `The settings could not be fully evaluated: ${first.message}${more}`,
  };
  if (first.line !== undefined) error.line = first.line;
  return error;
}
