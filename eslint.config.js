import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
