// An ESM consumer against the gdx-mock it started from the installed bin (GDX_MOCK_URL).
import { listApplications } from './sandbox-call.mjs';

console.log(JSON.stringify(await listApplications(process.env.GDX_MOCK_URL)));
