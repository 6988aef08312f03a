import { consumer } from '../../vitest.shared.js';

export default consumer;
