/**
 * Every built-in text in German, one chunk fetched only by a page that shows de (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Countdown, endet am {date}',
    ended: 'Countdown abgelaufen',
    pause: 'Countdown anhalten',
    daysOne: 'Tag',
    daysOther: 'Tage',
    hoursOne: 'Stunde',
    hoursOther: 'Stunden',
    minutesOne: 'Minute',
    minutesOther: 'Minuten',
    secondsOne: 'Sekunde',
    secondsOther: 'Sekunden',
    daysShort: 'Tg',
    hoursShort: 'Std',
    minutesShort: 'Min',
    secondsShort: 'Sek',
  },
  'sticky-bar': {
    label: 'Ankündigungen',
    close: 'Ankündigungsleiste schließen',
    pause: 'Nachrichten anhalten',
    previous: 'Vorherige Nachricht',
    next: 'Nächste Nachricht',
  },
  'exit-popup': {
    name: 'Sonderangebot',
    codeFailed: 'Dein Code konnte gerade nicht erstellt werden. Schreib uns, dann schicken wir ihn dir.',
  },
  popup: {
    close: 'Schließen',
  },
  wheel: {
    name: 'Glücksrad',
    spin: 'Glücksrad drehen',
    again: 'Noch einmal drehen',
    spinning: 'Das Rad dreht sich…',
    none: 'Keine Drehungen mehr',
    leftOne: 'noch {count}',
    leftOther: 'noch {count}',
    won: 'Gewonnen: {label}!',
    lost: 'Das Rad ist auf „{label}“ stehen geblieben. Diesmal leider kein Gewinn.',
    failed: 'Das Glücksrad ist gerade nicht verfügbar. Bitte versuche es gleich noch einmal.',
    chances: 'Gewinnchancen',
    winAny: 'Chance auf einen Gewinn: {share}',
    rules: 'Teilnahmebedingungen',
    free: 'Kein Kauf erforderlich.',
    apply: 'Im Warenkorb einlösen',
  },
  'shipping-progress': {
    message: 'Noch {remaining} für {goal}',
    reached: 'Glückwunsch, du erhältst {goal}!',
    goal: 'Gratisversand',
    name: 'Fortschritt: {goal}',
    valueText: '{total} von {amount}: noch {remaining} für {goal}',
    reachedText: '{total}: {goal} freigeschaltet',
  },
  'loyalty-badge': {
    earn: 'Sammle {points}',
    pointsOne: '{count} Punkt',
    pointsOther: '{count} Punkte',
    toNext: 'Noch {points} bis {tier}',
    top: 'Höchste Stufe',
    rate: 'Du erhältst {points} pro {amount} Einkaufswert.',
    floor: 'Abgerundet auf volle Punkte.',
    round: 'Auf volle Punkte gerundet.',
    balance: 'Du hast {points}.',
    tierFrom: 'ab {points}',
  },
  'lead-form': {
    emailLabel: 'E-Mail-Adresse',
    emailPlaceholder: 'du@beispiel.de',
    emailInvalid: 'Bitte gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    consentDefault: 'Ich möchte E-Mails mit Angeboten und Neuigkeiten erhalten. Ich kann mich jederzeit abmelden.',
    consentMissing: 'Bitte setze das Häkchen, um zuzustimmen, bevor du dich anmeldest.',
    consentImplied:
      'Mit deiner Anmeldung stimmst du zu, unsere E-Mails zu erhalten. Du kannst dich jederzeit abmelden.',
    submit: 'Anmelden',
    submitting: 'Wird gesendet…',
    success: 'Danke, du bist angemeldet!',
    saved: 'Gespeichert! Wir bestätigen deine Anmeldung, sobald die Verbindung wieder steht.',
    pending:
      'Fast geschafft: Schau in dein Postfach und klicke auf den Link in unserer E-Mail, um deine Anmeldung zu bestätigen.',
    rejected: 'Diese Adresse konnten wir nicht anmelden. Bitte prüfe sie und versuche es noch einmal.',
    confirm: 'Noch ein Schritt: Der Shop muss prüfen, dass du kein Roboter bist. Du bist noch nicht angemeldet.',
    confirmAction: 'Weiter',
  },
  coupon: {
    label: 'Dein Code',
    copy: 'Kopieren',
    copyLabel: 'Code {code} kopieren',
    copied: 'Code kopiert',
    select: 'Code markiert: Drücke Strg+C (oder ⌘C), um ihn zu kopieren.',
  },
};

export default texts;
