// Root `postinstall`: keeps the SQLite addon that `npm ci` just compiled where better-sqlite3's
// installer looks before compiling, so the next install on this machine unpacks it in about a
// second instead of compiling SQLite for about a minute (decision 0019).
//
// better-sqlite3 installs with `prebuild-install || node-gyp rebuild`. prebuild-install looks for
// `<npm cache>/_prebuilds/<digest>-better-sqlite3-v<version>-node-v<abi>-<platform>-<arch>.tar.gz`
// before downloading that tarball from GitHub; where GitHub is out of reach (this project's
// machines), it falls back to compiling. This script writes that file from the addon just built,
// under the name prebuild-install computes itself (its own `rc` and `util` modules), so Node's ABI,
// the platform and the architecture are part of the name. prebuild-install `require()`s whatever it
// unpacks and compiles again if that fails, and this script checks the addon opens a database
// before keeping it. It never fails the install: whatever goes wrong is one line on stderr.
import { createRequire } from 'node:module';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const BINARY = join('build', 'Release', 'better_sqlite3.node');

async function cacheSqliteBuild() {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const fromSqlite = createRequire(join(pkgDir, 'package.json'));
  const prebuild = dirname(fromSqlite.resolve('prebuild-install/package.json'));
  const util = fromSqlite(join(prebuild, 'util.js'));
  const pkg = fromSqlite('./package.json');
  // As prebuild-install's own bin.js builds its options.
  const opts = { ...fromSqlite(join(prebuild, 'rc.js'))(pkg), pkg };
  if (opts.buildFromSource) return 'not kept: building from source was asked for';
  const cached = util.cachedPrebuild(util.getDownloadUrl(opts));
  if (existsSync(cached)) return 'already kept';
  if (!existsSync(join(pkgDir, BINARY))) return `no ${BINARY} to keep`;
  const Database = fromSqlite('./lib/index.js');
  new Database(':memory:').close();

  const pack = fromSqlite(fromSqlite.resolve('tar-fs', { paths: [prebuild] })).pack;
  await mkdir(dirname(cached), { recursive: true });
  const temp = `${cached}.${process.pid}.tmp`;
  try {
    await pipeline(pack(pkgDir, { entries: [BINARY] }), createGzip(), createWriteStream(temp));
    await rename(temp, cached);
  } finally {
    await rm(temp, { force: true });
  }
  return `kept for the next install: ${cached}`;
}

try {
  const outcome = await cacheSqliteBuild();
  if (process.env.GDX_VERBOSE_INSTALL) console.error(`cache-sqlite-build: ${outcome}`);
} catch (error) {
  console.error(`cache-sqlite-build: skipped (${error instanceof Error ? error.message : String(error)})`);
}
