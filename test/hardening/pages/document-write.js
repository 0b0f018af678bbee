document.write('<script type="module" src="/__hardening/dist/vitrine.js"></script>');
document.write(
  '<vitrine-countdown campaign="dw-countdown" deadline="2099-01-01T00:00:00Z" label="Ends in"></vitrine-countdown>',
);
document.write('<vitrine-sticky-bar campaign="dw-bar"><p>Written by document.write</p></vitrine-sticky-bar>');
document.write(
  '<vitrine-shipping-progress campaign="dw-progress" threshold="60" total="20" currency="EUR"></vitrine-shipping-progress>',
);
document.write('<vitrine-loyalty-badge campaign="dw-badge" price="10" rate="1"></vitrine-loyalty-badge>');
document.write('<vitrine-exit-popup campaign="dw-popup" heading="Hello" code="DW10"></vitrine-exit-popup>');
document.write(
  '<vitrine-wheel campaign="dw-wheel" heading="Spin"><vitrine-wheel-segment label="A" code="A1"></vitrine-wheel-segment><vitrine-wheel-segment label="B"></vitrine-wheel-segment></vitrine-wheel>',
);
