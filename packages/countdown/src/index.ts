export * from './countdown.js';
