export * from './loyalty-badge.js';
