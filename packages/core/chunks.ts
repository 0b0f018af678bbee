// Build knowledge, not code that ships: vite.config.ts reads it when it loads (no imports, so it can
// before anything is built). Beside src/ so that whoever moves or adds a module of core finds it here.

/**
 * Which of core's modules travel in which chunk of the script-tag build (`npm run build`); each
 * pattern is a test of a code-splitting group in vite.config.ts, which also gives the groups'
 * priorities (a module two patterns name goes to the higher). A module that no pattern names and
 * {@link NOT_SHARED} does not name is in the `shared` chunk, which every page loads with Lit.
 * After a change, compare `npm run build && npm run size` before and after.
 */

/** `bus`: the bus alone; the loader needs it at once for window.vitrine, without Lit. */
export const BUS_CHUNK = /packages[\\/]core[\\/]src[\\/]bus\.ts$/;

/**
 * `kit`: small pieces several widgets use (dismissal, reduced motion, the unbiased draw the wheel and
 * an experiment's bucket share, the coupon's stand-in). Not the coupon's code block itself
 * (coupon.ts: the copy button, its texts and styles): no group claims it, so it is a lazy chunk of
 * its own (`coupon`), which coupon-later.ts fetches when a code is about to show; a bar, pop-up or
 * wheel that shows no code never downloads it.
 */
export const KIT_CHUNK =
  /packages[\\/]core[\\/]src[\\/](coupon-later\.ts|random\.ts|controllers[\\/](dismissal|reduced-motion)\.ts)/;

/** `cart`: the cart source and the money parsing the cart widgets share. */
export const CART_CHUNK = /packages[\\/]core[\\/]src[\\/](cart[\\/]|parse[\\/](list|money)\.ts)/;

/**
 * `popup`: the pop-up machinery (overlay, triggers, the lead form); the exit pop-up and the wheel
 * share it. Not the lead providers' adapters nor the merchant's-server requests: each is a lazy
 * chunk of its own, fetched only by a form that sends there. Nor the outbox (leads/outbox.ts): its
 * own lazy chunk, fetched by a pop-up with `capture` or on a page where a lead waits in storage, so
 * a pop-up that only shows an offer never downloads it (exit-popup page 25436 → 24530 B brotli;
 * one with `capture` pays 649 B more for the split, see size-budgets.json).
 */
export const POPUP_CHUNK =
  /packages[\\/]core[\\/]src[\\/](leads[\\/](?!(klaviyo|mailchimp|unique-code|outbox)\.ts)|popup[\\/]|parse[\\/]url\.ts)/;

/**
 * Core modules only some widgets (or some pages) use: kept out of the shared chunk. Those no group
 * above claims are left to rolldown, which puts each in a chunk shared by the widgets that import
 * it (or in a lazy chunk of its own), so a countdown-only page skips them. The analytics bridges
 * (track.ts) go with the attribution chunk, which the first tracked message fetches anyway: the
 * shared chunk keeps only the subscriber that fetches it (record-later.ts).
 */
export const NOT_SHARED =
  /packages[\\/]core[\\/]src[\\/](leads[\\/]|schedule[\\/]|popup[\\/]|cart[\\/]|attribution[\\/]|time-travel[\\/]|targeting[\\/]|parse[\\/](?!(attribute|datetime|duration|warn)\.ts)|coupon(-later)?\.ts|random\.ts|track\.ts|debug-reasons\.ts|experiment[\\/](experiment|define|decide)\.ts|controllers[\\/](dismissal|reduced-motion|on-screen)\.ts|i18n[\\/](texts[\\/]|(overrides|texts-loader|placeholders)\.ts))/;

/**
 * `shared` (with Lit): whether this module of core is one every widget needs. Not the bus (its own
 * chunk) nor the experiment's reserve rules, which the loader adopts at once, with its own.
 */
export const isSharedCore = (id: string): boolean =>
  /packages[\\/]core[\\/]src[\\/]/.test(id) &&
  !NOT_SHARED.test(id) &&
  !/[\\/]bus\.ts$/.test(id) &&
  !/\.reserve\.ts$/.test(id);
