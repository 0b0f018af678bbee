/**
 * The demo's sale dates, computed from today when a page is served (as Liquid would render a
 * sale's end from a theme setting): the sale always ends three days from now at 23:59, Paris
 * time, so the demo's countdowns run whatever the day it is started. The pages hold placeholders
 * (`deadline="{{ sale_end }}"`); demo/server.js and the staleness test fill them with these.
 * No Node import: the browser tests load it too.
 */
const DAY = 24 * 60 * 60 * 1000;

/** Placeholder → value, for the instant `now`. */
export function demoDates(now = new Date()) {
  // sv-SE writes dates as YYYY-MM-DD: the date part of an ISO 8601 date-time, in Paris.
  const saleEnd = new Date(now.getTime() + 3 * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return { '{{ sale_end }}': `${saleEnd}T23:59` };
}

/** A page's HTML with its date placeholders filled for the instant `now`. */
export function withDates(html, now = new Date()) {
  let result = html;
  for (const [placeholder, value] of Object.entries(demoDates(now))) result = result.replaceAll(placeholder, value);
  return result;
}
