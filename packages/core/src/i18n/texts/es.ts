/**
 * Every built-in text in Spanish, one chunk fetched only by a page that shows es (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Cuenta atrás, termina el {date}',
    ended: 'Cuenta atrás terminada',
    pause: 'Pausar la cuenta atrás',
    daysOne: 'día',
    daysMany: 'días',
    daysOther: 'días',
    hoursOne: 'hora',
    hoursMany: 'horas',
    hoursOther: 'horas',
    minutesOne: 'minuto',
    minutesMany: 'minutos',
    minutesOther: 'minutos',
    secondsOne: 'segundo',
    secondsMany: 'segundos',
    secondsOther: 'segundos',
    daysShort: 'd',
    hoursShort: 'h',
    minutesShort: 'min',
    secondsShort: 's',
  },
  'sticky-bar': {
    label: 'Anuncios',
    close: 'Cerrar la barra de anuncios',
    pause: 'Pausar los mensajes',
    previous: 'Mensaje anterior',
    next: 'Mensaje siguiente',
  },
  'exit-popup': {
    name: 'Oferta especial',
    codeFailed: 'No hemos podido crear tu código en este momento. Escríbenos y te lo enviaremos.',
  },
  popup: {
    close: 'Cerrar',
  },
  wheel: {
    name: 'Ruleta de premios',
    spin: 'Girar la ruleta',
    again: 'Volver a girar',
    spinning: 'La ruleta está girando…',
    none: 'No te quedan tiradas',
    leftOne: 'te queda {count}',
    leftMany: 'te quedan {count}',
    leftOther: 'te quedan {count}',
    won: '¡Has ganado: {label}!',
    lost: 'La ruleta se ha detenido en «{label}». Esta vez no hay premio.',
    failed: 'La ruleta no está disponible. Inténtalo de nuevo en un momento.',
    chances: 'Probabilidades de ganar',
    winAny: 'Probabilidad de ganar un premio: {share}',
    rules: 'Bases del concurso',
    free: 'Sin obligación de compra.',
    apply: 'Aplicar a mi carrito',
  },
  'shipping-progress': {
    message: 'Te faltan {remaining} para {goal}',
    reached: '¡Enhorabuena, ya tienes {goal}!',
    goal: 'envío gratis',
    name: 'Progreso hacia {goal}',
    valueText: '{total} de {amount}: faltan {remaining} para {goal}',
    reachedText: '{total}: ya tienes {goal}',
  },
  'loyalty-badge': {
    earn: 'Gana {points}',
    pointsOne: '{count} punto',
    pointsMany: '{count} de puntos',
    pointsOther: '{count} puntos',
    toNext: 'Te faltan {points} para {tier}',
    top: 'Nivel máximo',
    rate: 'Ganas {points} por cada {amount} de compra.',
    floor: 'Redondeado a la baja a puntos enteros.',
    round: 'Redondeado al punto más cercano.',
    balance: 'Tienes {points}.',
    tierFrom: 'desde {points}',
  },
  'lead-form': {
    emailLabel: 'Correo electrónico',
    emailPlaceholder: 'tu@ejemplo.com',
    emailInvalid: 'Introduce un correo electrónico válido, como nombre@ejemplo.com.',
    consentDefault: 'Acepto recibir correos con ofertas y novedades. Puedo darme de baja en cualquier momento.',
    consentMissing: 'Marca la casilla para dar tu consentimiento antes de suscribirte.',
    consentImplied: 'Al suscribirte, aceptas recibir nuestros correos. Puedes darte de baja en cualquier momento.',
    submit: 'Suscribirme',
    submitting: 'Enviando…',
    success: '¡Gracias! Tu suscripción se ha completado.',
    saved: '¡Guardado! Confirmaremos tu suscripción en cuanto vuelva la conexión.',
    pending:
      'Casi listo: revisa tu bandeja de entrada y haz clic en el enlace de nuestro correo para confirmar tu suscripción.',
    rejected: 'No hemos podido suscribir esta dirección. Revísala y vuelve a intentarlo.',
    confirm: 'Un paso más: la tienda tiene que comprobar que no eres un robot. Tu suscripción aún no está completa.',
    confirmAction: 'Continuar',
  },
  coupon: {
    label: 'Tu código',
    copy: 'Copiar',
    copyLabel: 'Copiar el código {code}',
    copied: 'Código copiado',
    select: 'Código seleccionado: pulsa Ctrl+C (o ⌘C) para copiarlo.',
  },
};

export default texts;
