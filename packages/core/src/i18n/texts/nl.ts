/**
 * Every built-in text in Dutch, one chunk fetched only by a page that shows nl (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Aftelklok, eindigt op {date}',
    ended: 'Aftelklok afgelopen',
    pause: 'Aftelklok pauzeren',
    daysOne: 'dag',
    daysOther: 'dagen',
    hoursOne: 'uur',
    hoursOther: 'uur',
    minutesOne: 'minuut',
    minutesOther: 'minuten',
    secondsOne: 'seconde',
    secondsOther: 'seconden',
    daysShort: 'd',
    hoursShort: 'u',
    minutesShort: 'm',
    secondsShort: 's',
  },
  'sticky-bar': {
    label: 'Mededelingen',
    close: 'Mededelingenbalk sluiten',
    pause: 'Berichten pauzeren',
    previous: 'Vorig bericht',
    next: 'Volgend bericht',
  },
  'exit-popup': {
    name: 'Speciale aanbieding',
    codeFailed: 'Je code kon nu niet worden aangemaakt. Neem contact met ons op, dan sturen we hem je toe.',
  },
  popup: {
    close: 'Sluiten',
  },
  wheel: {
    name: 'Rad van fortuin',
    spin: 'Draai aan het rad',
    again: 'Nog een keer draaien',
    spinning: 'Het rad draait…',
    none: 'Geen beurten meer',
    leftOne: 'nog {count}',
    leftOther: 'nog {count}',
    won: 'Gewonnen: {label}!',
    lost: 'Het rad stopte op ‘{label}’. Deze keer geen prijs.',
    failed: 'Het rad is niet beschikbaar. Probeer het zo opnieuw.',
    chances: 'Winkansen',
    winAny: 'Kans op een prijs: {share}',
    rules: 'Actievoorwaarden',
    free: 'Geen aankoop verplicht.',
    apply: 'Toepassen op mijn winkelwagen',
  },
  'shipping-progress': {
    message: 'Nog {remaining} tot {goal}',
    reached: 'Gefeliciteerd, je krijgt {goal}!',
    goal: 'gratis verzending',
    name: 'Voortgang naar {goal}',
    valueText: '{total} van {amount}: nog {remaining} tot {goal}',
    reachedText: '{total}: je krijgt {goal}',
  },
  'loyalty-badge': {
    earn: 'Verdien {points}',
    pointsOne: '{count} punt',
    pointsOther: '{count} punten',
    toNext: 'Nog {points} tot {tier}',
    top: 'Hoogste niveau',
    rate: 'Je verdient {points} per {amount} besteed.',
    floor: 'Naar beneden afgerond op hele punten.',
    round: 'Afgerond op het dichtstbijzijnde punt.',
    balance: 'Je hebt {points}.',
    tierFrom: 'vanaf {points}',
  },
  'lead-form': {
    emailLabel: 'E-mailadres',
    emailPlaceholder: 'jij@voorbeeld.nl',
    emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    consentDefault: 'Ik wil e-mails ontvangen met aanbiedingen en nieuws. Ik kan me op elk moment afmelden.',
    consentMissing: 'Vink het vakje aan om akkoord te gaan voordat je je aanmeldt.',
    consentImplied:
      'Door je aan te melden ga je akkoord met het ontvangen van onze e-mails. Je kunt je op elk moment afmelden.',
    submit: 'Aanmelden',
    submitting: 'Bezig met verzenden…',
    success: 'Bedankt, je bent aangemeld!',
    saved: 'Opgeslagen! We bevestigen je aanmelding zodra de verbinding terug is.',
    pending: 'Bijna klaar: kijk in je inbox en klik op de link in onze e-mail om je aanmelding te bevestigen.',
    rejected: 'We konden dit adres niet aanmelden. Controleer het en probeer het opnieuw.',
    confirm: 'Nog één stap: de winkel moet controleren of je geen robot bent. Je bent nog niet aangemeld.',
    confirmAction: 'Doorgaan',
  },
  coupon: {
    label: 'Je code',
    copy: 'Kopiëren',
    copyLabel: 'Code {code} kopiëren',
    copied: 'Code gekopieerd',
    select: 'Code geselecteerd: druk op Ctrl+C (of ⌘C) om te kopiëren.',
  },
};

export default texts;
