'use strict';
// The TypeScript declarations: types/ is what scripts/gen-types.js makes from
// proto/cakap/v1 today (so index.d.ts cannot drift from the proto), and index.d.ts
// compiles against it, accepting the usage in types/usage.ts and rejecting its mistakes.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const run = (args) =>
  execFileSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: 'utf8', stdio: 'pipe' });

describe('TypeScript declarations', { timeout: 120000 }, () => {
  it('types/ is up to date with proto/cakap/v1 (npm run gen-types)', () => {
    let out;
    try {
      out = run(['scripts/gen-types.js', '--check']);
    } catch (e) {
      assert.fail(`${e.stderr}${e.stdout}`);
    }
    assert.match(out, /up to date/);
  });

  it('index.d.ts compiles with the generated types and rejects wrong usage', () => {
    const tsc = path.join(PACKAGE_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      run([tsc, '--noEmit', '--strict', '--target', 'ES2020', '--module', 'commonjs',
        '--moduleResolution', 'node', '--types', 'node', 'test/types/usage.ts']);
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
});
