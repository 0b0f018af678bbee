/** The strict policy the hardening server sends with `csp-*` pages (the demo's, without exceptions for inline code). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
