/** The email check of the lead form: what the shopper typed must be an address a shop can write to. */

/**
 * A deliverable-looking address: one @, a local part without spaces, a domain with a dot and
 * a TLD of two letters or more, at most 254 characters. Stricter than `type=email`, which
 * accepts `a@b`.
 */
export function isValidEmail(value: string): boolean {
  const email = value.trim();
  if (email.length > 254) return false;
  // The TLD: letters, or an internationalised one in its ASCII form (`xn--p1ai`).
  return /^[^\s@"(),:;<>[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(
    email,
  );
}
