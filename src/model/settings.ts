/** The settings model lives in ./settings/; this path is kept for the code and tests that import it. */
export * from './settings/index.js';
