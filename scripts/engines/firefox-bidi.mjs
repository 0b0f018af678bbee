#!/usr/bin/env node
// Firefox ESR, as Playwright's WebDriver BiDi driver (`channel: 'moz-firefox'`) launches it.
//
// Debian ships no geckodriver, but Firefox speaks WebDriver BiDi itself, and Playwright drives it
// that way. Playwright 1.65 targets a newer Firefox than Debian's ESR (153): at every context it
// sends `emulation.*` overrides (colour scheme, screen orientation and area) that ESR answers with
// "unknown command", and the context fails. This stand-in for the Firefox binary starts the real
// one, puts a small WebSocket relay between the two, and answers only those unknown `emulation.*`
// commands as done. Vitrine's tests never emulate a colour scheme or a screen, so nothing they
// assert depends on them; every other command and event passes through untouched.
import { spawn } from 'node:child_process';
import { WebSocket, WebSocketServer } from 'ws';

const firefox = spawn(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', process.argv.slice(2), {
  stdio: ['ignore', 'inherit', 'pipe'],
});
const quit = () => firefox.kill('SIGTERM');
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, quit);
firefox.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

let buffered = '';
firefox.stderr.setEncoding('utf8');
firefox.stderr.on('data', (text) => {
  buffered += text;
  let newline;
  while ((newline = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    const listening = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
    if (listening) relay(listening[1]);
    else process.stderr.write(`${line}\n`);
  }
});

/** Starts the relay and tells Playwright its address, in the words Firefox uses. */
function relay(firefoxUrl) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('listening', () => {
    process.stderr.write(`WebDriver BiDi listening on ws://127.0.0.1:${server.address().port}\n`);
  });
  server.on('connection', (client, request) => {
    const upstream = new WebSocket(`${firefoxUrl}${request.url ?? ''}`, { perMessageDeflate: false });
    const pending = [];
    const methodById = new Map();
    upstream.on('open', () => pending.splice(0).forEach((message) => upstream.send(message)));
    client.on('message', (data) => {
      const text = data.toString();
      try {
        const { id, method } = JSON.parse(text);
        if (typeof method === 'string' && method.startsWith('emulation.')) methodById.set(id, method);
      } catch {
        // not JSON: pass it on as it is
      }
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else pending.push(text);
    });
    upstream.on('message', (data) => {
      let text = data.toString();
      try {
        const message = JSON.parse(text);
        if (methodById.has(message.id)) {
          methodById.delete(message.id);
          if (message.type === 'error' && message.error === 'unknown command')
            text = JSON.stringify({ type: 'success', id: message.id, result: {} });
        }
      } catch {
        // not JSON: pass it on as it is
      }
      client.send(text);
    });
    const closeBoth = () => {
      client.close();
      upstream.close();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
}
