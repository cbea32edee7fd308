// Kept for the suites that import it from here; the fixture lives in __tests__/support/app-fixture.ts.
export * from '../support/app-fixture.js';
