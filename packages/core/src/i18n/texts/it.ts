/**
 * Every built-in text in Italian, one chunk fetched only by a page that shows it (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Conto alla rovescia, termina {date}',
    ended: 'Conto alla rovescia terminato',
    pause: 'Metti in pausa il conto alla rovescia',
    daysOne: 'giorno',
    daysMany: 'giorni',
    daysOther: 'giorni',
    hoursOne: 'ora',
    hoursMany: 'ore',
    hoursOther: 'ore',
    minutesOne: 'minuto',
    minutesMany: 'minuti',
    minutesOther: 'minuti',
    secondsOne: 'secondo',
    secondsMany: 'secondi',
    secondsOther: 'secondi',
    daysShort: 'g',
    hoursShort: 'h',
    minutesShort: 'min',
    secondsShort: 's',
  },
  'sticky-bar': {
    label: 'Annunci',
    close: 'Chiudi la barra degli annunci',
    pause: 'Metti in pausa i messaggi',
    previous: 'Messaggio precedente',
    next: 'Messaggio successivo',
  },
  'exit-popup': {
    name: 'Offerta speciale',
    codeFailed: 'Al momento non è stato possibile creare il tuo codice. Contattaci e te lo invieremo.',
  },
  popup: {
    close: 'Chiudi',
  },
  wheel: {
    name: 'Ruota della fortuna',
    spin: 'Gira la ruota',
    again: 'Gira ancora',
    spinning: 'La ruota sta girando…',
    none: 'Nessun giro rimasto',
    leftOne: 'ancora {count}',
    leftMany: 'ancora {count}',
    leftOther: 'ancora {count}',
    won: 'Hai vinto: {label}!',
    lost: 'La ruota si è fermata su «{label}». Nessun premio questa volta.',
    failed: 'La ruota non è disponibile. Riprova tra un momento.',
    chances: 'Probabilità di vincita',
    winAny: 'Probabilità di vincere un premio: {share}',
    rules: 'Regolamento del concorso',
    free: 'Nessun obbligo di acquisto.',
    apply: 'Applica al carrello',
  },
  'shipping-progress': {
    message: 'Ti mancano {remaining} per {goal}',
    reached: 'Complimenti, hai ottenuto {goal}!',
    goal: 'la spedizione gratuita',
    name: 'Progressi verso {goal}',
    valueText: '{total} su {amount}: mancano {remaining} per {goal}',
    reachedText: '{total}: hai ottenuto {goal}',
  },
  'loyalty-badge': {
    earn: 'Guadagna {points}',
    pointsOne: '{count} punto',
    pointsMany: '{count} di punti',
    pointsOther: '{count} punti',
    toNext: 'Ancora {points} per {tier}',
    top: 'Livello massimo',
    rate: 'Guadagni {points} ogni {amount} di spesa.',
    floor: 'Arrotondato per difetto ai punti interi.',
    round: 'Arrotondato al punto più vicino.',
    balance: 'Hai {points}.',
    tierFrom: 'da {points}',
  },
  'lead-form': {
    emailLabel: 'Indirizzo email',
    emailPlaceholder: 'tu@esempio.it',
    emailInvalid: 'Inserisci un indirizzo email valido, ad esempio nome@esempio.it.',
    consentDefault:
      'Accetto di ricevere email con offerte e novità. Posso annullare l’iscrizione in qualsiasi momento.',
    consentMissing: 'Spunta la casella per dare il tuo consenso prima di iscriverti.',
    consentImplied:
      'Iscrivendoti accetti di ricevere le nostre email. Puoi annullare l’iscrizione in qualsiasi momento.',
    submit: 'Iscriviti',
    submitting: 'Invio in corso…',
    success: 'Grazie, iscrizione completata!',
    saved: 'Salvato! Confermeremo la tua iscrizione appena torna la connessione.',
    pending:
      'Ci siamo quasi: controlla la tua casella di posta e clicca sul link nella nostra e-mail per confermare l’iscrizione.',
    rejected: 'Non è stato possibile iscrivere questo indirizzo. Controllalo e riprova.',
    confirm:
      'Ancora un passaggio: il negozio deve verificare che tu non sia un robot. L’iscrizione non è ancora completata.',
    confirmAction: 'Continua',
  },
  coupon: {
    label: 'Il tuo codice',
    copy: 'Copia',
    copyLabel: 'Copia il codice {code}',
    copied: 'Codice copiato',
    select: 'Codice selezionato: premi Ctrl+C (o ⌘C) per copiarlo.',
  },
};

export default texts;
