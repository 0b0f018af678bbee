/**
 * The targeting rules (SPEC section 2, "Targeting") as pure functions: parse what the merchant
 * wrote, match it against what the page knows. No DOM, no storage, no bus: the controller
 * (controllers/targeting.ts) gathers the inputs and reports the verdict.
 *
 * Every parser reports bad tokens through `onInvalid` and keeps the good ones; a rule left with
 * no valid token is absent (`null`), so a typo never hides a widget forever.
 */

/** A path pattern as written, and the expression it compiles to. */
export interface PathPattern {
  text: string;
  test: RegExp;
}

export const PAGES_EXPECTED =
  'space-separated URL paths starting with /, where * matches within a segment and ** across segments (/products/* /collections/**)';

/**
 * `pages` / `exclude-pages`: `/products/*` (one segment), `/collections/**` (any depth, and
 * `/collections` itself), `/` (the home page). Case-insensitive (Shopify handles are lower case;
 * a merchant's capital letter should not hide a campaign), a trailing slash ignored on both sides.
 * A token that does not start with `/`, holds a query or a fragment, or three stars is malformed.
 */
export function parsePathPatterns(value: string, onInvalid: (token: string) => void): PathPattern[] | null {
  const patterns: PathPattern[] = [];
  for (const token of value.trim().split(/\s+/).filter(Boolean)) {
    if (!token.startsWith('/') || /[?#\\]|\*{3}/.test(token)) {
      onInvalid(token);
      continue;
    }
    const source = trimSlash(token)
      .split(/(\/\*\*(?=\/|$)|\*\*|\*)/)
      .map((piece) =>
        // `/**` at a segment start also matches nothing at all: `/collections/**` covers `/collections`.
        piece === '/**' ? '(?:/.*)?' : piece === '**' ? '.*' : piece === '*' ? '[^/]*' : escapeRegExp(piece),
      )
      .join('');
    patterns.push({ text: token, test: new RegExp(`^${source}$`, 'i') });
  }
  return patterns.length ? patterns : null;
}

/** The first pattern that matches one of `paths`, or undefined. */
export function matchingPattern(patterns: PathPattern[], paths: string[]): PathPattern | undefined {
  return patterns.find((pattern) => paths.some((path) => pattern.test.test(trimSlash(path))));
}

/**
 * The paths a rule is matched against: the page's path as is, and, on a Shopify shop served in
 * another language or market (`Shopify.routes.root` = `/fr/`, `/en-ca/`), the same path without
 * that prefix — a merchant writes `/products/*` once for every language of the shop.
 */
export function candidatePaths(pathname: string, root: string | undefined): string[] {
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    /* a malformed escape: match the raw path */
  }
  const paths = [path];
  const prefix = root ? trimSlash(root) : '';
  if (prefix && prefix !== '/' && path.toLowerCase().startsWith(`${prefix.toLowerCase()}/`))
    paths.push(path.slice(prefix.length));
  else if (prefix && prefix !== '/' && path.toLowerCase() === prefix.toLowerCase()) paths.push('/');
  return paths;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export const DEVICES = ['mobile', 'desktop'] as const;
export type Device = (typeof DEVICES)[number];

/**
 * A touch screen or a narrow window is `mobile` (the width where storefront themes switch to their
 * phone layout), anything else `desktop`: by pointer and width, never by user agent.
 */
export const MOBILE_QUERY = '(pointer: coarse), (max-width: 749.98px)';

export const VISITORS = ['new', 'returning'] as const;
export type Visitor = (typeof VISITORS)[number];

/** A visitor first seen longer ago than this is returning. */
export const RETURNING_AFTER_MS = 30 * 60_000;

export const CART_AMOUNT_EXPECTED = 'a non-negative amount in major units with a dot, such as 60 or 59.90';
const CART_AMOUNT = /^\d{1,12}(?:\.\d{1,4})?$/;

/** `cart-min` / `cart-max`: a non-negative amount in major units, or null. */
export function parseCartAmount(value: string): number | null {
  const text = value.trim();
  return CART_AMOUNT.test(text) ? Number(text) : null;
}

export const CUSTOMER_EXPECTED = 'guest, member or tag:<tag>, space-separated';

/** One `customer` condition; a visitor who meets any of them matches. */
export type CustomerRule = { kind: 'guest' } | { kind: 'member' } | { kind: 'tag'; tag: string };

export function parseCustomerRules(value: string, onInvalid: (token: string) => void): CustomerRule[] | null {
  const rules: CustomerRule[] = [];
  for (const token of value.trim().split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    if (lower === 'guest' || lower === 'member') rules.push({ kind: lower });
    else if (/^tag:.+/.test(lower)) rules.push({ kind: 'tag', tag: lower.slice(4) });
    else onInvalid(token);
  }
  return rules.length ? rules : null;
}

/** What the `customer` topic says of the visitor: signed in (an id) and their tags, lower case. */
export interface CustomerFacts {
  member: boolean;
  tags: string[];
}

export function matchesCustomer(rules: CustomerRule[], facts: CustomerFacts): boolean {
  return rules.some((rule) =>
    rule.kind === 'guest' ? !facts.member : rule.kind === 'member' ? facts.member : facts.tags.includes(rule.tag),
  );
}

/** `utm-source`: the accepted sources, lower case (any of them matches). */
export function parseSources(value: string): string[] | null {
  const sources = value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return sources.length ? sources : null;
}
