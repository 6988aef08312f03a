export { createFetch } from './create-fetch.js';
