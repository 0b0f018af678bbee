// Type test of the generated JSX types (packages/vitrine/types/react.d.ts), run by `npm run lint`
// (tsc --noEmit): a React 19 user writes Vitrine tags with checked, completed attributes. Each
// expected error below fails the check if the types stop catching that mistake.
/// <reference types="vitrine/types/react" />

export const countdown = (
  <vitrine-countdown
    deadline="2026-11-27T23:59:00+01:00"
    format="dhms"
    on-end="stay"
    campaign="black-friday"
    onvitrine-countdown-end={(event) => console.log(event.detail)}
  />
);

export const bar = (
  <vitrine-sticky-bar push dismissible dismiss-for="12h" position="bottom">
    <p>Free shipping from 50 €</p>
  </vitrine-sticky-bar>
);

export const wheel = (
  <vitrine-wheel spins={3} capture>
    <vitrine-wheel-segment label="-10 %" code="TEN" weight="2" />
  </vitrine-wheel>
);

// @ts-expect-error: 'weekly' is not a countdown format ('auto' | 'dhms' | 'hms' | 'ms')
export const wrongFormat = <vitrine-countdown deadline="2026-11-27T23:59" format="weekly" />;

// @ts-expect-error: a deadline is an ISO 8601 string, not a Date
export const wrongDeadline = <vitrine-countdown deadline={new Date()} />;

// @ts-expect-error: no such attribute (a typo of deadline)
export const typo = <vitrine-countdown deadlin="2026-11-27T23:59" />;

// @ts-expect-error: position is top or bottom
export const wrongPosition = <vitrine-sticky-bar position="left" />;
