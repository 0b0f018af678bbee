/**
 * `{remaining}` → `remaining`: the placeholders a text fills. A module of its own so that it
 * travels with the merchant's overrides (overrides.ts checks them), not in the chunk every page loads.
 */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
