import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first: a unit imports only from units on lower floors (never from a sibling on its own
 * floor). A unit is a folder (src/NAME/) or a top-level file (src/NAME.ts). README.md's Development section lists them.
 */
const LAYERS = [
  ['core'],
  ['util', 'log', 'config', 'runner-secrets'],
  ['discover', 'parse'],
  ['model'],
  ['rules'],
  ['smoke', 'report', 'fix'],
  ['github'],
  ['options', 'pipeline'],
  ['review'],
  ['inputs'],
  ['publish'],
  ['main', 'cli', 'post', 'fix-cli'],
];
const FOLDERS = new Set([
  'core',
  'util',
  'discover',
  'parse',
  'model',
  'rules',
  'smoke',
  'report',
  'fix',
  'github',
  'publish',
]);

/** An import of `unit` from anywhere below src/ (relative paths only: nothing of ours is imported by name). */
const importOf = (unit) =>
  FOLDERS.has(unit) ? `^(\\.\\.?/)+(\\.\\./)*${unit}/` : `^(\\.\\./)+${unit}\\.js$`;

/** One no-restricted-imports block per unit: everything on its floor and above is out of reach. */
function layerBoundaries() {
  return LAYERS.flatMap((floor, level) =>
    floor.map((unit) => {
      const above = LAYERS.slice(level)
        .flat()
        .filter((other) => other !== unit);
      return {
        files: FOLDERS.has(unit) ? [`src/${unit}/**/*.ts`] : [`src/${unit}.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: above.map((other) => ({
                regex: importOf(other),
                message: `src/${unit} sits below ${other} in the layers (see README, Development): move the shared piece down.`,
              })),
            },
          ],
        },
      };
    }),
  );
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '__tests__/fixtures/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerBoundaries(),
  {
    // A rule reads the model and the shared vocabulary; what rules share lives in rules/lib, never in another rule.
    files: ['src/rules/TF*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./(?!lib/)|^\\.\\./(?!core/|model/|util/)',
              message: 'A rule imports only core, model, util and rules/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/rules/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)|^\\.\\./\\.\\./(?!core/|model/|util/)',
              message: 'rules/lib imports only core, model, util and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // Repository text reaches the step log only through src/log.ts, which keeps it from being read as a command.
    files: ['src/**/*.ts'],
    ignores: ['src/log.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['info', 'debug'].map((property) => ({
          object: 'core',
          property,
          message: 'Use the Log of src/log.ts.',
        })),
        { object: 'process', property: 'stdout', message: 'Use the Log of src/log.ts.' },
        { object: 'console', message: 'Use the Log of src/log.ts.' },
      ],
    },
  },
);
