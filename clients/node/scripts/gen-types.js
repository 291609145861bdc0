#!/usr/bin/env node
'use strict';
/**
 * Generates the TypeScript declarations of every cakap.v1 message and service into
 * types/ from ../../proto/cakap/v1/*.proto, so index.d.ts can never drift from the proto.
 *
 *   node scripts/gen-types.js           regenerate types/ (commit the result)
 *   node scripts/gen-types.js --check   regenerate into a temporary directory and fail
 *                                       (exit 1, naming the files) when types/ differs
 *
 * Two steps, both with the versions locked in package-lock.json, so the output is the
 * same on every machine:
 *  1. proto-loader-gen-types (shipped with @grpc/proto-loader, which index.js loads the
 *     protos with) writes .ts files with the very options index.js passes to the loader
 *     (LOADER_OPTIONS: camelCase, longs and enums as strings, defaults, oneofs), so the
 *     "__Output" types describe exactly what the client resolves to;
 *  2. tsc turns them into .d.ts (the generated enums are `const` objects, which a .d.ts
 *     may only declare).
 */

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const PROTO_ROOT = path.resolve(PACKAGE_DIR, '..', '..', 'proto');
const TYPES_DIR = path.join(PACKAGE_DIR, 'types');
const BIN = path.join(PACKAGE_DIR, 'node_modules', '.bin');

function protoFiles() {
  return fs
    .readdirSync(path.join(PROTO_ROOT, 'cakap', 'v1'))
    .filter((f) => f.endsWith('.proto'))
    .sort()
    .map((f) => `cakap/v1/${f}`);
}

/** Writes the declarations into `outDir` (created; must not exist or be empty). */
function generate(outDir) {
  // Inside the package, so tsc finds @grpc/grpc-js and @grpc/proto-loader in its
  // node_modules as usual.
  const work = fs.mkdtempSync(path.join(PACKAGE_DIR, '.gen-types-'));
  try {
    const tsDir = path.join(work, 'ts');
    // Paths relative to the package, so the "Original file:" comments do not depend on
    // where the repository is checked out.
    execFileSync(
      path.join(BIN, 'proto-loader-gen-types'),
      [
        '--keepCase=false', '--longs=String', '--enums=String', '--defaults', '--oneofs',
        '--includeComments', '--grpcLib=@grpc/grpc-js',
        '-I', path.relative(PACKAGE_DIR, PROTO_ROOT), '-O', tsDir, ...protoFiles(),
      ],
      { cwd: PACKAGE_DIR, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const sources = [];
    (function walk(dir) {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) sources.push(p);
      }
    })(tsDir);
    execFileSync(
      path.join(BIN, 'tsc'),
      [
        '--declaration', '--emitDeclarationOnly', '--target', 'ES2020', '--module', 'commonjs',
        '--moduleResolution', 'node', '--strict', '--skipLibCheck', '--types', 'node',
        '--rootDir', tsDir, '--outDir', outDir, ...sources.sort(),
      ],
      { cwd: PACKAGE_DIR, stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Relative paths of every file under `dir`, sorted. */
function listFiles(dir) {
  const out = [];
  (function walk(d) {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  })(dir);
  return out.sort();
}

/** The files that differ between two trees (added, removed or changed). */
function diffTrees(want, have) {
  const a = listFiles(want);
  const b = listFiles(have);
  const all = [...new Set([...a, ...b])].sort();
  return all.filter((f) => {
    const pa = path.join(want, f);
    const pb = path.join(have, f);
    if (!fs.existsSync(pa) || !fs.existsSync(pb)) return true;
    return !fs.readFileSync(pa).equals(fs.readFileSync(pb));
  });
}

function main() {
  if (process.argv.includes('--check')) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cakap-types-check-'));
    try {
      generate(tmp);
      const stale = diffTrees(tmp, TYPES_DIR);
      if (stale.length > 0) {
        console.error(
          `types/ is stale against proto/cakap/v1 (${stale.length} file(s) differ: ` +
            `${stale.join(', ')}); run: npm run gen-types`,
        );
        process.exit(1);
      }
      console.log(`types/ is up to date (${listFiles(TYPES_DIR).length} files)`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  fs.rmSync(TYPES_DIR, { recursive: true, force: true });
  generate(TYPES_DIR);
  console.log(`wrote ${listFiles(TYPES_DIR).length} files to types/`);
}

if (require.main === module) main();

module.exports = { generate, diffTrees, listFiles, TYPES_DIR };
