// Fails when dist/ differs from a fresh bundle of src/: the action users run must be the code that was tested.
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/bundle.mjs'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (changed.trim()) {
  console.error(`dist/ is stale; run npm run bundle and commit it:\n${changed}`);
  process.exit(1);
}
console.log('dist/ is up to date');
