import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { LANGUAGES, normalizeLanguage, textDirection, type Language } from '@vitrine/core';
import axe from 'axe-core';
import manifest from '../custom-elements.json';
import 'vitrine/define';
import { widgetSnippet } from './snippet.ts';

interface Member {
  name?: string;
  kind?: string;
  privacy?: string;
  readonly?: boolean;
  inheritedFrom?: { name?: string };
}
interface Declaration {
  members?: Member[];
  attributes?: Member[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

/** The base class's helpers (warn, t, store, campaignId …) are for widget code, not for a page. */
const baseHelper = (member: Member) =>
  member.inheritedFrom?.name === 'VitrineElement' && (member.kind === 'method' || member.readonly === true);

// Autodocs lists what a user can touch: drop private and protected members, #fields and the base's helpers.
const publicOnly = (source: Manifest): Manifest => ({
  ...source,
  modules: source.modules?.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      members: declaration.members?.filter(
        (member) => !member.privacy && !member.name?.startsWith('#') && !baseHelper(member),
      ),
    })),
  })),
});

setCustomElementsManifest(publicOnly(manifest as Manifest));

/**
 * The shared colour tokens (SPEC, Theming) on a dark page, so every widget's dark story shows
 * what a merchant sets. Adopted rather than inlined: the same way a strict-CSP page would do it.
 */
const themes = new CSSStyleSheet();
themes.replaceSync(`
  .vitrine-story[data-theme='dark'] {
    /* The dark background itself too, so that a story run as a test (no toolbar) is dark, and axe sees it. */
    background: #111827;
    color: #f9fafb;
    --vitrine-color-text: #f9fafb;
    --vitrine-color-surface: #1f2937;
    --vitrine-color-accent: #fbbf24;
    --vitrine-color-on-accent: #111827;
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, themes];

/** `globals.backgrounds` is `{ value }` when set from the toolbar or a story, a plain key in older forms. */
function backgroundOf(globals: Record<string, unknown>): string | undefined {
  const background = globals.backgrounds as { value?: string } | string | undefined;
  return typeof background === 'string' ? background : background?.value;
}

/** The toolbar's languages: every language Vitrine ships, each named in itself. */
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pt: 'Português',
  pl: 'Polski',
  sv: 'Svenska',
  da: 'Dansk',
  ar: 'العربية',
  he: 'עברית',
};

/**
 * Wraps every story in `lang` (the language toolbar; `dir` too for Arabic and Hebrew) and the theme
 * tokens of the chosen background. Keyed by language: switching builds fresh widgets, since a widget
 * reads its nearest `[lang]` when it renders.
 */
const withLanguageAndTheme: Decorator = (story, { globals }) => {
  const theme = backgroundOf(globals) === 'dark' ? 'dark' : 'light';
  const language = normalizeLanguage(globals.locale as string | undefined);
  // Storybook takes a template, not a directive: the keyed wrapper goes inside one.
  return html`${keyed(
    language,
    html`<div class="vitrine-story" lang=${language} dir=${textDirection(language)} data-theme=${theme}>
      ${story()}
    </div>`,
  )}`;
};

/** Every animation of a document or shadow root, and of the shadow roots inside it (a widget's dialog). */
function animationsIn(root: Document | ShadowRoot): Animation[] {
  const found = new Set(root.getAnimations());
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) for (const animation of animationsIn(element.shadowRoot)) found.add(animation);
  }
  return [...found];
}

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLanguageAndTheme],
  // Every story of every widget, once rendered and played, passes axe: in `npm test` (the
  // storybook project runs each story as a test) as in Storybook itself.
  afterEach: async ({ canvasElement, title, name }) => {
    // A play function may end within an entrance animation (a pop-up fades in over 240 ms): axe would
    // weigh text colours at a passing opacity. Judge the settled state: finish every finite animation.
    for (const animation of animationsIn(document)) {
      if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
    }
    const { violations } = await axe.run(canvasElement);
    if (violations.length)
      throw new Error(
        `axe: ${violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join(', ')})`).join('; ')}`,
      );
    // Run as a test (npm test), each story's layout at phone and desktop widths in this engine, against
    // Chromium's sizes: test/support/story-layout.ts, which only the test run loads.
    await (
      globalThis as { vitrineStoryLayout?: (story: { title: string; name: string }) => Promise<void> }
    ).vitrineStoryLayout?.({ title, name });
  },
  globalTypes: {
    locale: {
      description: 'Language of the built-in texts (the `lang` of a wrapper)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: LANGUAGES.map((value) => ({ value, title: LANGUAGE_NAMES[value] })),
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    controls: { expanded: true },
    docs: {
      // "Show code" on the docs page and the Code panel beside the canvas (each with a Copy
      // button): the widgets' HTML as a merchant pastes it, without the story's frame or wrapper.
      codePanel: true,
      source: { excludeDecorators: true, transform: (code: string) => widgetSnippet(code) },
    },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#111827' },
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'light' }, locale: 'en' },
};

export default preview;
