/**
 * Every built-in text in Portuguese (Brazilian wording, understood in Portugal), one chunk fetched only by a page that shows pt (i18n/index.ts),
 * with the code that reads it (texts-loader.ts, re-exported: in the script-tag builds a copy of it travels here).
 * The keys are each widget's English catalog's; plural forms follow Intl.PluralRules.
 */
import type { LanguagePack } from '../languages.js';

export { ready, text, form } from '../texts-loader.js';

const texts: LanguagePack = {
  countdown: {
    name: 'Contagem regressiva, termina {date}',
    ended: 'Contagem regressiva encerrada',
    pause: 'Pausar a contagem regressiva',
    daysOne: 'dia',
    daysMany: 'dias',
    daysOther: 'dias',
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
    label: 'Avisos',
    close: 'Fechar a barra de avisos',
    pause: 'Pausar as mensagens',
    previous: 'Mensagem anterior',
    next: 'Próxima mensagem',
  },
  'exit-popup': {
    name: 'Oferta especial',
    codeFailed: 'Não foi possível criar seu código agora. Fale com a gente e nós enviaremos para você.',
  },
  popup: {
    close: 'Fechar',
  },
  wheel: {
    name: 'Roleta da sorte',
    spin: 'Girar a roleta',
    again: 'Girar de novo',
    spinning: 'A roleta está girando…',
    none: 'Sem giros restantes',
    leftOne: 'resta {count}',
    leftMany: 'restam {count}',
    leftOther: 'restam {count}',
    won: 'Você ganhou: {label}!',
    lost: 'A roleta parou em “{label}”. Não foi desta vez.',
    failed: 'A roleta está indisponível. Tente novamente em instantes.',
    chances: 'Chances de ganhar',
    winAny: 'Chance de ganhar um prêmio: {share}',
    rules: 'Regulamento da promoção',
    free: 'Nenhuma compra necessária.',
    apply: 'Aplicar ao meu carrinho',
  },
  'shipping-progress': {
    message: 'Faltam {remaining} para {goal}',
    reached: 'Parabéns, você ganhou {goal}!',
    goal: 'frete grátis',
    name: 'Progresso até {goal}',
    valueText: '{total} de {amount}: faltam {remaining} para {goal}',
    reachedText: '{total}: você ganhou {goal}',
  },
  'loyalty-badge': {
    earn: 'Ganhe {points}',
    pointsOne: '{count} ponto',
    pointsMany: '{count} de pontos',
    pointsOther: '{count} pontos',
    toNext: 'Faltam {points} para {tier}',
    top: 'Nível máximo',
    rate: 'Você ganha {points} a cada {amount} em compras.',
    floor: 'Arredondado para baixo em pontos inteiros.',
    round: 'Arredondado para o ponto mais próximo.',
    balance: 'Você tem {points}.',
    tierFrom: 'a partir de {points}',
  },
  'lead-form': {
    emailLabel: 'E-mail',
    emailPlaceholder: 'voce@exemplo.com',
    emailInvalid: 'Digite um e-mail válido, como nome@exemplo.com.',
    consentDefault: 'Aceito receber e-mails com ofertas e novidades. Posso cancelar a inscrição a qualquer momento.',
    consentMissing: 'Marque a caixa para dar seu consentimento antes de se inscrever.',
    consentImplied:
      'Ao se inscrever, você aceita receber nossos e-mails. Você pode cancelar a inscrição a qualquer momento.',
    submit: 'Quero me inscrever',
    submitting: 'Enviando…',
    success: 'Obrigado! Sua inscrição foi confirmada.',
    saved: 'Salvo! Confirmaremos sua inscrição assim que a conexão voltar.',
    pending: 'Quase lá: confira sua caixa de entrada e clique no link do nosso e-mail para confirmar sua inscrição.',
    rejected: 'Não foi possível inscrever este endereço. Verifique-o e tente novamente.',
    confirm:
      'Só mais um passo: a loja precisa verificar que você não é um robô. Sua inscrição ainda não foi concluída.',
    confirmAction: 'Continuar',
  },
  coupon: {
    label: 'Seu código',
    copy: 'Copiar',
    copyLabel: 'Copiar o código {code}',
    copied: 'Código copiado',
    select: 'Código selecionado: pressione Ctrl+C (ou ⌘C) para copiá-lo.',
  },
};

export default texts;
