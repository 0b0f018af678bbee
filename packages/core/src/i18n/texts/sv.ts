/**
 * Every built-in text in Swedish, one chunk fetched only by a page that shows sv (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Nedräkning, slutar {date}',
    ended: 'Nedräkningen är slut',
    pause: 'Pausa nedräkningen',
    daysOne: 'dag',
    daysOther: 'dagar',
    hoursOne: 'timme',
    hoursOther: 'timmar',
    minutesOne: 'minut',
    minutesOther: 'minuter',
    secondsOne: 'sekund',
    secondsOther: 'sekunder',
    daysShort: 'd',
    hoursShort: 'tim',
    minutesShort: 'min',
    secondsShort: 'sek',
  },
  'sticky-bar': {
    label: 'Meddelanden',
    close: 'Stäng meddelandefältet',
    pause: 'Pausa meddelandena',
    previous: 'Föregående meddelande',
    next: 'Nästa meddelande',
  },
  'exit-popup': {
    name: 'Specialerbjudande',
    codeFailed: 'Din kod kunde inte skapas just nu. Kontakta oss så skickar vi den till dig.',
  },
  popup: {
    close: 'Stäng',
  },
  wheel: {
    name: 'Lyckohjul',
    spin: 'Snurra hjulet',
    again: 'Snurra igen',
    spinning: 'Hjulet snurrar…',
    none: 'Inga snurr kvar',
    leftOne: '{count} kvar',
    leftOther: '{count} kvar',
    won: 'Du vann: {label}!',
    lost: 'Hjulet stannade på ”{label}”. Ingen vinst den här gången.',
    failed: 'Lyckohjulet är inte tillgängligt just nu. Försök igen om en liten stund.',
    chances: 'Vinstchanser',
    winAny: 'Chans att vinna ett pris: {share}',
    rules: 'Tävlingsregler',
    free: 'Inget köp krävs.',
    apply: 'Använd i min varukorg',
  },
  'shipping-progress': {
    message: 'Handla för {remaining} till för {goal}',
    reached: 'Grattis, du får {goal}!',
    goal: 'fri frakt',
    name: 'Framsteg mot {goal}',
    valueText: '{total} av {amount}: {remaining} kvar till {goal}',
    reachedText: '{total}: du får {goal}',
  },
  'loyalty-badge': {
    earn: 'Tjäna {points}',
    pointsOne: '{count} poäng',
    pointsOther: '{count} poäng',
    toNext: '{points} kvar till {tier}',
    top: 'Högsta nivån',
    rate: 'Du tjänar {points} per {amount} du handlar för.',
    floor: 'Avrundas nedåt till hela poäng.',
    round: 'Avrundas till närmaste poäng.',
    balance: 'Du har {points}.',
    tierFrom: 'från {points}',
  },
  'lead-form': {
    emailLabel: 'E-postadress',
    emailPlaceholder: 'du@exempel.se',
    emailInvalid: 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
    consentDefault: 'Jag vill få mejl med erbjudanden och nyheter. Jag kan avregistrera mig när som helst.',
    consentMissing: 'Kryssa i rutan för att godkänna innan du registrerar dig.',
    consentImplied: 'När du registrerar dig godkänner du att få våra mejl. Du kan avregistrera dig när som helst.',
    submit: 'Registrera mig',
    submitting: 'Skickar…',
    success: 'Tack, du är registrerad!',
    saved: 'Sparat! Vi bekräftar din registrering så snart anslutningen är tillbaka.',
    pending: 'Nästan klart: titta i din inkorg och klicka på länken i vårt mejl för att bekräfta din anmälan.',
    rejected: 'Vi kunde inte registrera den här adressen. Kontrollera den och försök igen.',
    confirm: 'Ett steg kvar: butiken behöver kontrollera att du inte är en robot. Du är inte registrerad än.',
    confirmAction: 'Fortsätt',
  },
  coupon: {
    label: 'Din kod',
    copy: 'Kopiera',
    copyLabel: 'Kopiera koden {code}',
    copied: 'Koden har kopierats',
    select: 'Koden är markerad: tryck Ctrl+C (eller ⌘C) för att kopiera den.',
  },
};

export default texts;
