export * from './exit-popup.js';
