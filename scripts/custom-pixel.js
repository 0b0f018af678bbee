// Writes examples/shopify/customer-events/vitrine-pixel.js: the Vitrine pixel (core's
// attribution/custom-pixel.ts with pixel.ts and touches.ts) as one readable script a merchant
// pastes into Shopify's admin (Settings → Customer events → Add custom pixel). `--check` only
// compares, for CI and test/node/custom-pixel.test.ts: the file must be what the sources give.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PIXEL_FILE = resolve(root, 'examples/shopify/customer-events/vitrine-pixel.js');

const HEADER = `// Vitrine pixel — attributes Shopify orders to Vitrine's campaigns and A/B variants, and sends
// GA4 a purchase that carries them (coupon, promotion, variant, value, currency).
//
// Install: Shopify admin → Settings → Customer events → Add custom pixel → name it "Vitrine",
// paste this whole file, set the three lines below, Save, then Connect.
// Customer privacy (the pixel's settings): Permission "Required" with Marketing and Analytics;
// data sale: "Data collected does not qualify as data sale". The pixel also checks consent
// itself and sends nothing unless the visitor allows both marketing and analytics.
// Generated from packages/core/src/attribution/ by scripts/custom-pixel.js: do not edit below.
/* global analytics, browser, init, customerPrivacy -- the custom pixel's globals, given by Shopify */

const VITRINE_GA4_ID = 'G-XXXXXXXXXX'; // your GA4 measurement ID (Admin → Data streams)
const VITRINE_WINDOW_DAYS = 7; // an order within this many days of a click, spin or sign-up is owed to it
const VITRINE_EVENT_NAME = 'purchase'; // 'vitrine_purchase' if another tag already sends GA4 purchases
`;

/** The file's text, from the sources. */
export async function customPixel() {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source'] },
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(root, 'packages/core/src/attribution/custom-pixel.ts'), formats: ['es'] },
      rolldownOptions: { output: { comments: false } },
    },
  });
  const [chunk] = (Array.isArray(output) ? output[0] : output).output;
  // Formatted as the repository's other files, so `npm run format:check` passes on it.
  const options = await resolveConfig(PIXEL_FILE);
  return format(`${HEADER}\n${chunk.code}`, { ...options, filepath: PIXEL_FILE });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await customPixel();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(PIXEL_FILE, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${PIXEL_FILE} is stale: run node scripts/custom-pixel.js`);
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(PIXEL_FILE), { recursive: true });
    writeFileSync(PIXEL_FILE, text);
    console.log(`wrote ${PIXEL_FILE}`);
  }
}
