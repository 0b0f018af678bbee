/**
 * Built-in texts of every widget, in the two languages that ship. A key missing in `fr`
 * falls back to `en`. Placeholders are `{name}`, filled by `translate`.
 */
export const en = {
  'unit.days': 'days',
  'unit.hours': 'hours',
  'unit.minutes': 'minutes',
  'unit.seconds': 'seconds',
  'unit.day.one': 'day',
  'unit.hour.one': 'hour',
  'unit.minute.one': 'minute',
  'unit.second.one': 'second',
  'unit.short.days': 'd',
  'unit.short.hours': 'h',
  'unit.short.minutes': 'm',
  'unit.short.seconds': 's',
  'countdown.name': 'Countdown, ends {date}',
  'countdown.ended': 'Countdown ended',
  'countdown.pause': 'Pause the countdown',
  'countdown.resume': 'Resume the countdown',
  'action.close': 'Close',
  'action.copy': 'Copy',
  'action.copied': 'Copied',
  'action.pause': 'Pause',
  'action.resume': 'Resume',
} as const;

export type MessageKey = keyof typeof en;

export const fr: Partial<Record<MessageKey, string>> = {
  'unit.days': 'jours',
  'unit.hours': 'heures',
  'unit.minutes': 'minutes',
  'unit.seconds': 'secondes',
  'unit.day.one': 'jour',
  'unit.hour.one': 'heure',
  'unit.minute.one': 'minute',
  'unit.second.one': 'seconde',
  'unit.short.days': 'j',
  'unit.short.hours': 'h',
  'unit.short.minutes': 'min',
  'unit.short.seconds': 's',
  'countdown.name': 'Compte à rebours, se termine {date}',
  'countdown.ended': 'Compte à rebours terminé',
  'countdown.pause': 'Mettre en pause le compte à rebours',
  'countdown.resume': 'Reprendre le compte à rebours',
  'action.close': 'Fermer',
  'action.copy': 'Copier',
  'action.copied': 'Copié',
  'action.pause': 'Pause',
  'action.resume': 'Reprendre',
};
