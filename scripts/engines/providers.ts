// The three engines shoppers use, each driven from Debian's own packages (nothing downloaded):
//
// - Chromium: Playwright over CDP, `/usr/bin/chromium`.
// - Firefox: Playwright over WebDriver BiDi (`channel: 'moz-firefox'`), Debian's Firefox ESR through
//   `firefox-bidi.mjs` (see there why a relay sits in between). Real input events, like Chromium's.
// - WebKit: WebKitGTK's own WebDriver (`WebKitWebDriver`, package webkit2gtk-driver) driving the
//   MiniBrowser it ships, through Vitest's webdriverio provider. MiniBrowser has no headless mode:
//   it needs a display, so the provider starts Xvfb when there is none. The driver and the Xvfb it
//   started are stopped by their own process ids when the run ends.
//
// `VITRINE_ENGINES=firefox npm test` (or `npx vitest run --project 'unit (firefox)'`) runs one.
import { playwright } from '@vitest/browser-playwright';
import { webdriverio } from '@vitest/browser-webdriverio';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** The engines this run covers: `VITRINE_ENGINES` (comma-separated), else all three. */
export function selectedEngines(): Engine[] {
  const asked = (process.env.VITRINE_ENGINES ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (asked.length === 0) return [...ENGINES];
  const unknown = asked.filter((name) => !(ENGINES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`VITRINE_ENGINES: unknown engine ${unknown.join(', ')} (${ENGINES.join(', ')})`);
  return ENGINES.filter((engine) => asked.includes(engine));
}

// A page larger than any viewport a test asks for (up to 1280 × 1024), so that Vitest never shrinks
// the test frame with a CSS transform: Firefox's BiDi input does not follow a scaled frame (clicks
// land beside the element), and layout read at scale 1 is what a shopper's screen shows.
const contextOptions = { viewport: { width: 1600, height: 1200 } };

const chromium = () =>
  playwright({
    contextOptions,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  });

/** How Firefox is launched (also by bench/engines.js, for the wheel spin's frames). */
export const FIREFOX_LAUNCH_OPTIONS = {
  channel: 'moz-firefox',
  executablePath: resolve(import.meta.dirname, 'firefox-bidi.mjs'),
  // No update checks, telemetry or remote settings: the machine has no network but the npm registry.
  firefoxUserPrefs: {
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'services.settings.server': 'http://127.0.0.1:9/',
    'network.captive-portal-service.enabled': false,
  },
};

const firefox = () => playwright({ contextOptions, launchOptions: { ...FIREFOX_LAUNCH_OPTIONS } });

/** A free TCP port on loopback, for the WebDriver server. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

/** Processes this run started, stopped by their ids (never by name: other runs may share the machine). */
const started: ChildProcess[] = [];
export function stopStarted(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
}
process.once('exit', stopStarted);

/** A display for MiniBrowser: the one given (WEBKIT_DISPLAY, else DISPLAY), else an Xvfb of our own. */
async function ensureDisplay(): Promise<string> {
  const given = process.env.WEBKIT_DISPLAY ?? process.env.DISPLAY;
  if (given) return given;
  for (let number = 90; number < 110; number += 1) {
    if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) continue;
    const xvfb = spawn('Xvfb', [`:${number}`, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    started.push(xvfb);
    try {
      await waitFor(() => Promise.resolve(existsSync(`/tmp/.X11-unix/X${number}`)), 'Xvfb', 5_000);
      return `:${number}`;
    } catch {
      xvfb.kill('SIGTERM');
    }
  }
  throw new Error('no free X display for WebKit (install xvfb, or set DISPLAY)');
}

/** Starts WebKitWebDriver on a free port (with a display) and returns the port. */
export async function startWebKitDriver(): Promise<number> {
  const display = await ensureDisplay();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  started.push(driver);
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 'WebKitWebDriver');
  return port;
}

interface WebdriverBrowser {
  $$(selector: string): Promise<unknown[]> & { length?: number };
  switchFrame(frame: unknown): Promise<unknown>;
  setWindowSize(width: number, height: number): Promise<unknown>;
  execute<T extends unknown[]>(script: (...args: T) => void, ...args: T): Promise<unknown>;
}

interface WebdriverProvider {
  options: Record<string, unknown>;
  browser: WebdriverBrowser | null;
  buildCapabilities(): Record<string, unknown>;
  openBrowser(): Promise<unknown>;
  close(): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  switchToTestFrame(): Promise<void>;
  iframeSwitched: boolean;
}

/** Room around the largest viewport a test asks for (1280 × 1024) for MiniBrowser's own toolbar. */
const WEBKIT_WINDOW = { width: 1600, height: 1300 };

/** WebKitGTK's own capability (not in webdriverio's types): which browser binary the driver starts. */
const webkitCapabilities = {
  // WebKitWebDriver 2.50 refuses a BiDi session (webSocketUrl): classic WebDriver.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
};

const webkit = () => {
  const base = webdriverio({ hostname: '127.0.0.1', path: '/', capabilities: webkitCapabilities });
  return {
    ...base,
    providerFactory(project: Parameters<typeof base.providerFactory>[0]) {
      const provider = base.providerFactory(project) as unknown as WebdriverProvider;
      // The provider names the browser after the instance ('safari'); WebKitWebDriver wants 'MiniBrowser'.
      const capabilities = provider.buildCapabilities.bind(provider);
      provider.buildCapabilities = () => ({ ...capabilities(), browserName: 'MiniBrowser' });
      const openBrowser = provider.openBrowser.bind(provider);
      provider.openBrowser = async () => {
        if (provider.options.port == null) provider.options = { ...provider.options, port: await startWebKitDriver() };
        return openBrowser();
      };
      // Vitest's webdriverio provider emulates a viewport by resizing the window, but MiniBrowser's
      // window has a minimum width (447 px) and a toolbar, so a 320 px viewport came out 447 px wide.
      // The window is made large once, and the test frame itself is given the exact size, as
      // Playwright's Chromium and Firefox get it: the page inside sees innerWidth = the width asked.
      let windowSized = false;
      provider.setViewport = async ({ width, height }) => {
        const browser = provider.browser;
        if (!browser) throw new Error('The browser has no open pages.');
        if (!windowSized) {
          await browser.setWindowSize(WEBKIT_WINDOW.width, WEBKIT_WINDOW.height);
          windowSized = true;
        }
        // From the orchestrator page, whatever frame the driver was left in (a file's last command may
        // leave it inside that file's frame): the newest test frame is the file being run.
        const inFrame = provider.iframeSwitched;
        await browser.switchFrame(null);
        await browser.execute(
          (frameWidth: number, frameHeight: number) => {
            const frames = document.querySelectorAll<HTMLElement>('iframe[data-vitest]');
            const frame = frames[frames.length - 1];
            if (!frame) return;
            frame.style.width = `${frameWidth}px`;
            frame.style.height = `${frameHeight}px`;
          },
          width,
          height,
        );
        if (inFrame) await provider.switchToTestFrame();
      };
      // Vitest's orchestrator keeps the frames of the files it already ran in a batch, and the provider
      // switched into the first `iframe[data-vitest]` of the page, from wherever the driver stood: a
      // later file's clicks then looked in an earlier file's frame ("element wasn't found"). From the
      // orchestrator page, the newest frame is the file being run.
      provider.switchToTestFrame = async () => {
        const browser = provider.browser;
        if (!browser) throw new Error('The browser has no open pages.');
        await browser.switchFrame(null);
        const frames = await browser.$$('iframe[data-vitest]');
        await browser.switchFrame(frames[frames.length - 1]);
        provider.iframeSwitched = true;
      };
      const close = provider.close.bind(provider);
      provider.close = async () => {
        try {
          await close();
        } finally {
          stopStarted();
        }
      };
      return provider as unknown as ReturnType<typeof base.providerFactory>;
    },
  };
};

/** One Vitest browser instance per selected engine, each with its own provider, named `<project> (<engine>)`. */
export function engineInstances(project: string) {
  return selectedEngines().map((engine) => {
    const name = `${project} (${engine})`;
    // One engine after the other (Chromium, then Firefox, then WebKit), never two at once: on two
    // cores, two browsers running side by side starved each other's input and focus handling
    // (keyboard walkthroughs and WebKit's clicks failed only then).
    const sequence = { groupOrder: ENGINES.indexOf(engine) + 1 };
    if (engine === 'chromium')
      return { name, browser: 'chromium' as const, headless: true, sequence, provider: chromium() };
    // One test file at a time in Firefox: its pages share one window focus, so keyboard walkthroughs
    // of parallel files took focus from each other (a Space that ticked nothing).
    if (engine === 'firefox')
      return {
        name,
        browser: 'firefox' as const,
        headless: true,
        fileParallelism: false,
        sequence,
        provider: firefox(),
      };
    // MiniBrowser runs in a real window (on Xvfb): not headless.
    return { name, browser: 'safari' as const, headless: false, sequence, provider: webkit() };
  });
}
