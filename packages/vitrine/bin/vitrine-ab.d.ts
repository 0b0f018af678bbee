// Types of vitrine-ab.js, for the tests.
export function run(args: readonly string[], read?: (path: string) => string): [code: number, text: string];
