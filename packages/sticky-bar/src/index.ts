export * from './sticky-bar.js';
