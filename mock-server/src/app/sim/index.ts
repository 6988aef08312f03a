import { calendarRoutes } from './calendar.js';
import { clockRoutes } from './clock.js';
import { eventRoutes } from './events.js';
import { faultRoutes } from './faults.js';
import { objectRoutes } from './objects.js';
import { officialRoutes } from './officials.js';
import { requestRoutes } from './requests.js';
import { sandboxRoutes } from './sandboxes.js';
import { serviceRoutes } from './service.js';
import type { SimRoute } from './sim-route.js';
import { webhookRoutes } from './webhooks.js';

/** Every route of the simulation API (`/_sim/v1`). */
export const SIM_ROUTES: readonly SimRoute[] = [
  ...serviceRoutes,
  ...sandboxRoutes,
  ...clockRoutes,
  ...calendarRoutes,
  ...faultRoutes,
  ...eventRoutes,
  ...webhookRoutes,
  ...officialRoutes,
  ...objectRoutes,
  ...requestRoutes,
];
