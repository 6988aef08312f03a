import { consumer } from '../../vitest.shared.js';

// The kit's tests drive the mock, the examples and the SDKs as their users do, from their builds:
// Vite transforming the mock's sources made each kit run against it ~30 % slower (issue 12).
export default consumer;
