export * from './finding.js';
export * from './fingerprint.js';
export * from './report.js';
export * from './message.js';
export * from './fix.js';
export * from './run-facts.js';
