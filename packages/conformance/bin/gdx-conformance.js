#!/usr/bin/env node
// The `gdx-conformance` command. Kept in git rather than built, so `npm ci` links it in a fresh
// clone before anything is built; the CLI itself is the compiled dist/cli.js (`npm run build` first).
import '../dist/cli.js';
