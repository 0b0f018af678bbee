import { describe, expect, test } from 'vitest';
import {
  centsToMajor,
  currencyDigits,
  parseAmount,
  parseCurrency,
  parseDuration,
  parseList,
  parseNumberPairs,
  roundMoney,
} from '@vitrine/core';

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['1w', 604_800_000],
    ['250ms', 250],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    [' 1H 30M ', 5_400_000],
  ])('%j is %i ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  test.each(['0', '0s', '0h0m', '-5m', '5', '10 minutes', '5x', '3y', 'h', '', '1h-30m', '1e3s', '11000d'])(
    '%j is refused',
    (value) => {
      expect(parseDuration(value)).toBeNull();
    },
  );

  test('null is no duration', () => {
    expect(parseDuration(null)).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });
});

describe('parseAmount', () => {
  test.each([
    ['60', 60],
    ['59.90', 59.9],
    [' 0 ', 0],
    ['0.5', 0.5],
    ['1234.5678', 1234.5678],
  ])('%j is %d', (value, amount) => {
    expect(parseAmount(value)).toBe(amount);
  });

  test.each(['-1', '1,5', 'abc', '', '1.', '.5', '1e3', '+5', '1 000', '59.90€', 'NaN', 'Infinity'])(
    '%j is refused',
    (value) => {
      expect(parseAmount(value)).toBeNull();
    },
  );

  test('numbers: finite and non-negative only', () => {
    expect(parseAmount(12.5)).toBe(12.5);
    expect(parseAmount(0)).toBe(0);
    expect(parseAmount(-1)).toBeNull();
    expect(parseAmount(Number.NaN)).toBeNull();
    expect(parseAmount(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseAmount(null)).toBeNull();
  });
});

describe('currencies', () => {
  test('parseCurrency upper-cases known ISO 4217 codes and refuses others', () => {
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency(' USD ')).toBe('USD');
    for (const bad of ['EURO', 'XYZ', '€', '', null]) expect(parseCurrency(bad)).toBeNull();
  });

  test('currencyDigits from Intl', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  // Issue 18: the cart, the progress bar and the badge ask at every cart message and render; building
  // a NumberFormat each time cost every widget's first render at load.
  test('a currency is looked up in Intl once, however often it is asked', () => {
    const native = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(native, {
      construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => (built++, new target(...args)),
    });
    try {
      for (let ask = 0; ask < 3; ask++) {
        expect(parseCurrency(' chf ')).toBe('CHF');
        expect(currencyDigits('CHF')).toBe(2);
        expect(parseCurrency('QQQ')).toBeNull();
      }
      expect(built).toBeLessThanOrEqual(1);
    } finally {
      Intl.NumberFormat = native;
    }
  });
});

describe('centsToMajor', () => {
  test.each([
    [5990, 2, 59.9],
    [1, 2, 0.01],
    [0, 2, 0],
    [30, 2, 0.3],
    [7, 2, 0.07],
    [1115, 2, 11.15],
    [100_000_01, 2, 100_000.01],
    [-150, 2, -1.5],
    [-5, 2, -0.05],
    [5990, 0, 5990],
    [1234, 3, 1.234],
  ])('%i minor units with %i digits is %d', (cents, digits, major) => {
    expect(centsToMajor(cents, digits)).toBe(major);
  });

  test('never drifts where `* 0.01` would', () => {
    for (let cents = 0; cents <= 20_000; cents++) {
      const expected = Number((cents / 100).toFixed(2));
      if (centsToMajor(cents) !== expected) throw new Error(`${cents} → ${centsToMajor(cents)}, not ${expected}`);
    }
  });

  test('JPY has no minor unit', () => {
    expect(centsToMajor(5990, currencyDigits('JPY'))).toBe(5990);
  });

  test('a fractional minor amount rounds to the nearest minor unit', () => {
    expect(centsToMajor(5999.6)).toBe(60);
    expect(centsToMajor(5990.4)).toBe(59.9);
  });

  test('a non-number is 0', () => {
    expect(centsToMajor(Number.NaN)).toBe(0);
  });
});

describe('roundMoney', () => {
  test('rounds to the minor unit without float drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(59.9 - 0.2)).toBe(59.7);
    expect(roundMoney(60 - 59.9)).toBe(0.1);
    expect(roundMoney(1.2345, 3)).toBe(1.235);
    expect(roundMoney(1234.5, 0)).toBe(1235);
  });

  test('a difference that is float noise (written with an exponent) rounds to 0, not NaN', () => {
    expect(0.3 - (0.1 + 0.2)).toBeLessThan(0);
    expect(roundMoney(0.3 - (0.1 + 0.2))).toBe(0);
    expect(roundMoney(1e-7)).toBe(0);
    expect(roundMoney(1e21)).toBe(1e21);
  });
});

describe('lists', () => {
  test('parseList splits on commas, else on whitespace, and drops empty items', () => {
    expect(parseList('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(parseList('/a  /b')).toEqual(['/a', '/b']);
    expect(parseList('a,,b,')).toEqual(['a', 'b']);
    expect(parseList('')).toEqual([]);
    expect(parseList(null)).toEqual([]);
  });

  test('parseNumberPairs reads key:number lists', () => {
    expect(parseNumberPairs('Bronze:0, Silver:500, Gold:1500')).toEqual([
      ['Bronze', 0],
      ['Silver', 500],
      ['Gold', 1500],
    ]);
    expect(parseNumberPairs('EUR:60,USD:70.5')).toEqual([
      ['EUR', 60],
      ['USD', 70.5],
    ]);
    expect(parseNumberPairs('EUR : 60')).toEqual([['EUR', 60]]);
    expect(parseNumberPairs('Gold: 1500')).toEqual([['Gold', 1500]]);
    expect(parseNumberPairs('Bronze:0 Silver:500')).toEqual([
      ['Bronze', 0],
      ['Silver', 500],
    ]);
  });

  test.each(['Bronze 0', 'Bronze:0, Silver', 'Bronze:, Silver:500', ':500', 'Gold:abc', 'Gold:Infinity', '', null])(
    'parseNumberPairs refuses %j as a whole',
    (value) => {
      expect(parseNumberPairs(value)).toBeNull();
    },
  );
});
