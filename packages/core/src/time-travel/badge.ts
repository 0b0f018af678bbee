/**
 * The "Preview: 27 Nov 08:00" badge: nobody may mistake a previewed page for the live one (a
 * screenshot sent to a colleague included). Small, fixed on the start edge a quarter of the way
 * down, where neither a top or bottom bar nor the `?vitrine-debug` panel (bottom end corner) sits; plain DOM in its own shadow root (the
 * page's styles cannot hide it, it restyles nothing of the page); in the page's language.
 */
const TAG = 'vitrine-preview-badge';

const TEXTS = {
  en: { label: 'Preview', exit: 'Back to the live page', exitShort: 'Exit' },
  fr: { label: 'Aperçu', exit: 'Revenir à la page en direct', exitShort: 'Quitter' },
};

const STYLES = `:host{all:initial;position:fixed;z-index:2147483646;inset-inline-start:0;inset-block-start:25%;transform:translateY(-50%);font:600 12px/1.3 system-ui,sans-serif}
p{margin:0;display:flex;gap:.5em;align-items:center;padding:.3em .6em;background:#5c2d91;color:#fff;border-start-end-radius:6px;border-end-end-radius:6px;box-shadow:0 2px 8px #0004;white-space:nowrap}
a{color:#fff;font-weight:400}
a:focus-visible{outline:2px solid #fff;outline-offset:2px}`;

/** `27 Nov 08:00` (`27 nov. 08:00` in French), with the year when it is not this one. */
export function badgeDate(at: number, zone: string, french: boolean, nowYear = new Date().getFullYear()): string {
  const parts: Record<string, string> = {};
  try {
    const format = new Intl.DateTimeFormat(french ? 'fr-FR' : 'en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  } catch {
    return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
  }
  const year = Number(parts.year) === nowYear ? '' : ` ${parts.year}`;
  return `${parts.day} ${parts.month}${year} ${parts.hour}:${parts.minute}`;
}

/** Shows (or updates) the badge; `exitHref`: a link back to the live page, where there is one. */
export function showBadge(at: number, zone: string, exitHref: string | null): HTMLElement {
  const french = /^fr\b/i.test(document.documentElement.lang);
  const texts = french ? TEXTS.fr : TEXTS.en;
  let host = document.querySelector<HTMLElement>(TAG);
  if (!host) {
    host = document.createElement(TAG);
    const root = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    } catch {
      /* an old browser: the text still says it */
    }
    root.append(document.createElement('p'));
    document.body.append(host);
  }
  const line = host.shadowRoot!.querySelector('p')!;
  line.lang = french ? 'fr' : 'en';
  line.replaceChildren(`${texts.label}${french ? '\u00a0: ' : ': '}${badgeDate(at, zone, french)}`);
  if (exitHref) {
    const exit = document.createElement('a');
    exit.href = exitHref;
    exit.textContent = texts.exitShort;
    exit.title = texts.exit;
    exit.setAttribute('aria-label', texts.exit);
    line.append(exit);
  }
  return host;
}

export function removeBadge(): void {
  document.querySelector(TAG)?.remove();
}
