#!/usr/bin/env node
// CLI: gdx-codegen --spec registration --client RegistrationClient [--out src/generated] [--default-base-url URL]
import { parseArgs } from 'node:util';

const USAGE = 'usage: gdx-codegen --spec <name|file.json> --client <ClassName> [--out dir] [--default-base-url url]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      spec: { type: 'string' },
      out: { type: 'string', default: 'src/generated' },
      client: { type: 'string' },
      'default-base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  // An unknown or valueless option: name it, without Node's stack trace.
  console.error(`gdx-codegen: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.spec || !values.client) {
  console.error(USAGE);
  process.exit(2);
}

try {
  // Loaded after the arguments are read: `--help` and a mistyped flag answer at once.
  const { generate } = await import('../src/generate.mjs');
  const files = await generate({ spec: values.spec, out: values.out, client: values.client, defaultBaseUrl: values['default-base-url'] });
  console.log(`gdx-codegen: wrote ${Object.keys(files).length} files to ${values.out}`);
} catch (error) {
  console.error(`gdx-codegen: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
}
