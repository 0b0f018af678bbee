/**
 * Every built-in text in Danish, one chunk fetched only by a page that shows da (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Nedtælling, slutter {date}',
    ended: 'Nedtællingen er slut',
    pause: 'Sæt nedtællingen på pause',
    daysOne: 'dag',
    daysOther: 'dage',
    hoursOne: 'time',
    hoursOther: 'timer',
    minutesOne: 'minut',
    minutesOther: 'minutter',
    secondsOne: 'sekund',
    secondsOther: 'sekunder',
    daysShort: 'd',
    hoursShort: 't',
    minutesShort: 'm',
    secondsShort: 's',
  },
  'sticky-bar': {
    label: 'Meddelelser',
    close: 'Luk meddelelsesbjælken',
    pause: 'Sæt beskederne på pause',
    previous: 'Forrige besked',
    next: 'Næste besked',
  },
  'exit-popup': {
    name: 'Særligt tilbud',
    codeFailed: 'Din kode kunne ikke oprettes lige nu. Kontakt os, så sender vi den til dig.',
  },
  popup: {
    close: 'Luk',
  },
  wheel: {
    name: 'Lykkehjul',
    spin: 'Drej hjulet',
    again: 'Drej igen',
    spinning: 'Hjulet drejer…',
    none: 'Ingen flere drej',
    leftOne: '{count} tilbage',
    leftOther: '{count} tilbage',
    won: 'Du vandt: {label}!',
    lost: 'Hjulet stoppede på »{label}«. Ingen gevinst denne gang.',
    failed: 'Lykkehjulet er ikke tilgængeligt lige nu. Prøv igen om et øjeblik.',
    chances: 'Vinderchancer',
    winAny: 'Chance for at vinde en præmie: {share}',
    rules: 'Konkurrencebetingelser',
    free: 'Intet køb påkrævet.',
    apply: 'Brug i min kurv',
  },
  'shipping-progress': {
    message: 'Du mangler {remaining} for at få {goal}',
    reached: 'Tillykke, du får {goal}!',
    goal: 'gratis fragt',
    name: 'Fremskridt mod {goal}',
    valueText: '{total} af {amount}: {remaining} mangler til {goal}',
    reachedText: '{total}: du får {goal}',
  },
  'loyalty-badge': {
    earn: 'Optjen {points}',
    pointsOne: '{count} point',
    pointsOther: '{count} point',
    toNext: '{points} mere til {tier}',
    top: 'Højeste niveau',
    rate: 'Du optjener {points} pr. {amount}, du handler for.',
    floor: 'Rundet ned til hele point.',
    round: 'Rundet til nærmeste point.',
    balance: 'Du har {points}.',
    tierFrom: 'fra {points}',
  },
  'lead-form': {
    emailLabel: 'E-mailadresse',
    emailPlaceholder: 'dig@eksempel.dk',
    emailInvalid: 'Indtast en gyldig e-mailadresse, f.eks. navn@eksempel.dk.',
    consentDefault: 'Jeg vil gerne modtage e-mails med tilbud og nyheder. Jeg kan altid afmelde mig igen.',
    consentMissing: 'Sæt flueben i feltet for at give samtykke, før du tilmelder dig.',
    consentImplied: 'Når du tilmelder dig, accepterer du at modtage vores e-mails. Du kan altid afmelde dig igen.',
    submit: 'Tilmeld mig',
    submitting: 'Sender…',
    success: 'Tak, du er nu tilmeldt!',
    saved: 'Gemt! Vi bekræfter din tilmelding, så snart forbindelsen er tilbage.',
    pending: 'Næsten færdig: tjek din indbakke, og klik på linket i vores e-mail for at bekræfte din tilmelding.',
    rejected: 'Vi kunne ikke tilmelde denne adresse. Tjek den, og prøv igen.',
    confirm: 'Ét trin mere: Butikken skal tjekke, at du ikke er en robot. Du er ikke tilmeldt endnu.',
    confirmAction: 'Fortsæt',
  },
  coupon: {
    label: 'Din kode',
    copy: 'Kopiér',
    copyLabel: 'Kopiér koden {code}',
    copied: 'Koden er kopieret',
    select: 'Koden er markeret: Tryk på Ctrl+C (eller ⌘C) for at kopiere den.',
  },
};

export default texts;
