/**
 * A build-only Vite plugin that removes the indentation, newlines and comments from Lit's
 * `css` and `html`/`svg` tagged templates in our own sources. The JS minifier keeps template
 * text as written, and in a widget chunk that whitespace is most of the bytes.
 *
 * Only whitespace runs that contain a newline are touched, so `${a} ${b}` keeps its space:
 * in css they become one space (or nothing next to punctuation); in html nothing next to a
 * tag boundary, else one space.
 */
import type { Plugin } from 'vite';

const TAGS = ['css', 'html', 'svg'] as const;

function minifyCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // `color: red` → `color:red`; a selector's colon (`:host`, `a:hover`) is never followed by a space.
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // `( from red` → `(from red`: a bracket's inner spaces mean nothing.
      .replace(/\(\s+/g, '(')
      .replace(/\s+\)/g, ')')
      // `:nth-child(6n + 1)` → `(6n+1)`; `calc(… ) * 2` → `)*2`: no space is needed there (a selector
      // never has a digit after `*`, and a sum inside calc() keeps its spaces).
      .replace(/\((\d*n) ([+-]) (\d+)\)/g, '($1$2$3)')
      .replace(/([)\d]) \* (?=[\d.(])/g, '$1*')
      // `0.625rem` → `.625rem`, `-0.5em` → `-.5em`: a number's leading zero means nothing.
      .replace(/(^|[\s:(,/-])0\.(\d)/g, '$1.$2')
      // At an interpolation the neighbour is unknown (`calc(${a} + b)` needs its spaces): keep one.
      .replace(/^\s+|\s+$/g, ' ')
  );
}

function minifyHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + run.length];
    if (before === '>' || after === '<') return '';
    // Inside a tag, before its end: `<span part="x"\n  >` → `<span part="x">`.
    if (after === '>' || (after === '/' && whole[offset + run.length + 1] === '>')) return '';
    // Next to an interpolation (`before`/`after` undefined) the space may separate two attributes: keep one.
    return ' ';
  });
}

/**
 * Whether the `/` at `position` opens a regular expression rather than dividing: it does after
 * an operator, an opening bracket, a separator or a keyword such as `return`, never after a
 * value (a name, a number, `)` or `]`). Comments (`//`, `/*`) are not regular expressions.
 */
function startsRegex(source: string, position: number): boolean {
  if (source[position + 1] === '/' || source[position + 1] === '*') return false;
  const before = source.slice(0, position).trimEnd();
  if (/(?:^|[^\w$.])(?:return|typeof|void|in|of|case|do|else|delete|new|throw|yield|await)$/.test(before)) return true;
  return before === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(before);
}

/** The index after the regular expression literal opening at `start` (its flags included). */
function regexEnd(source: string, start: number): number {
  let position = start + 1;
  let inClass = false;
  while (position < source.length) {
    const char = source[position];
    if (char === '\\') position++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if ((char === '/' && !inClass) || char === '\n') break;
    position++;
  }
  position++;
  while (/[a-z]/i.test(source[position] ?? '')) position++;
  return position;
}

/** Rewrites every tagged template of `source`, nested ones included. */
export function minifyTemplates(source: string): string {
  let output = '';
  const tagAt = (position: number) =>
    TAGS.find((tag) => source.startsWith(`${tag}\``, position) && !/[\w$.]/.test(source[position - 1] ?? ''));
  // Copies one template literal starting after its backtick; returns the index after its closing backtick.
  const template = (start: number, tag: (typeof TAGS)[number] | undefined): number => {
    let position = start;
    let text = '';
    const flush = () => {
      output += tag === 'css' ? minifyCss(text) : tag ? minifyHtml(text) : text;
      text = '';
    };
    while (position < source.length) {
      const char = source[position];
      if (char === '\\') {
        text += source.slice(position, position + 2);
        position += 2;
      } else if (char === '`') {
        flush();
        output += '`';
        return position + 1;
      } else if (char === '$' && source[position + 1] === '{') {
        flush();
        output += '${';
        position = expression(position + 2);
      } else {
        text += char;
        position++;
      }
    }
    flush();
    return position;
  };
  // Copies code up to the matching `}` (or to the end at top level), skipping strings and
  // comments and handling nested templates; returns the index after it.
  const code = (start: number, topLevel: boolean): number => {
    let depth = 0;
    let position = start;
    while (position < source.length) {
      const char = source[position];
      const tag = tagAt(position);
      if (tag) {
        output += `${tag}\``;
        position = template(position + tag.length + 1, tag);
      } else if (char === '`') {
        output += '`';
        position = template(position + 1, undefined);
      } else if (char === "'" || char === '"') {
        let end = position + 1;
        while (end < source.length && source[end] !== char) end += source[end] === '\\' ? 2 : 1;
        output += source.slice(position, end + 1);
        position = end + 1;
      } else if (char === '/' && startsRegex(source, position)) {
        // A regular expression literal: its quotes and backticks are no strings (`/[^"]+/`).
        const end = regexEnd(source, position);
        output += source.slice(position, end);
        position = end;
      } else if (source.startsWith('//', position) || source.startsWith('/*', position)) {
        const closing = source[position + 1] === '/' ? '\n' : '*/';
        const end = source.indexOf(closing, position + 2);
        const stop = end === -1 ? source.length : end + closing.length;
        output += source.slice(position, stop);
        position = stop;
      } else {
        if (char === '{') depth++;
        if (char === '}') {
          if (depth === 0 && !topLevel) {
            output += '}';
            return position + 1;
          }
          depth--;
        }
        output += char;
        position++;
      }
    }
    return position;
  };
  const expression = (start: number) => code(start, false);
  code(0, true);
  return output;
}

export function minifyLitTemplates(): Plugin {
  return {
    name: 'vitrine:minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].+\.ts$/.test(id)) return null;
      if (!/\b(css|html|svg)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
