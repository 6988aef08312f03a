import { createApp } from '@gdx/mock-server';
import { startServer } from '@gdx/mock-server/server';

// The gdx mock app behind its own node:http adapter (`@gdx/mock-server/server`), in a child
// process so that it has a core of its own. Receives `{ seed, startAt }` as its first IPC message
// and reports its port back.

const MAX_LIFETIME_MS = 15 * 60_000;

process.once('message', (init: { seed: number; startAt: string }) => {
  const app = createApp({ seed: init.seed, startAt: init.startAt });
  startServer(app, { port: 0 }).then(
    (server) => process.send?.({ port: server.port }),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
setTimeout(() => process.exit(0), MAX_LIFETIME_MS).unref();
