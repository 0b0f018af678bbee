export * from './shipping-progress.js';
