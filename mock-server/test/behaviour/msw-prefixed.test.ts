import { TRANSPORTS } from '../support/transports.js';
import { runBehaviourSuite } from './suite.js';

runBehaviourSuite(TRANSPORTS['msw setupServer, https below a path']!);
