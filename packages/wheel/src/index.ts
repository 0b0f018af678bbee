export * from './wheel.js';
export * from './wheel-segment.js';
export * from './draw.js';
