import { TRANSPORTS } from '../support/transports.js';
import { runBehaviourSuite } from './suite.js';

runBehaviourSuite(TRANSPORTS['node:http server']!);
