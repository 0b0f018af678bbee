import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '@vitrine/core/experiment';
import '@vitrine/sticky-bar/define';

/** The story's controls. */
interface Args {
  name: string;
  split: string;
  /** `?vitrine-variant=<name>:<label>` for this frame: `stored` leaves the visitor's own bucket. */
  force: 'stored' | 'A' | 'B';
}

/**
 * The QA parameter is read from the URL, so the control writes it into the story frame's URL
 * (and removes it for `stored`) before the experiment decides.
 */
function forceInUrl(name: string, force: Args['force']): void {
  const url = new URL(location.href);
  url.searchParams.delete('vitrine-variant');
  if (force !== 'stored') url.searchParams.append('vitrine-variant', `${name}:${force}`);
  history.replaceState(history.state, '', url);
}

/**
 * A new element at every render: an experiment decides once per page view, so a changed control
 * needs a fresh one (as a reload would give).
 */
function render(args: Args): HTMLElement {
  forceInUrl(args.name, args.force);
  const frame = document.createElement('div');
  frame.className = 'story-frame';
  frame.innerHTML = `
    <vitrine-experiment>
      <vitrine-sticky-bar position="bottom" campaign="bf-2026"><p>Black Friday: −20% on every candle</p></vitrine-sticky-bar>
      <vitrine-sticky-bar position="bottom" campaign="bf-2026"><p>−20% on every candle, this week only</p></vitrine-sticky-bar>
    </vitrine-experiment>
    <p>The bar at the bottom is the variant this visitor sees; the other was removed before it rendered.</p>
    <p class="label"></p>`;
  const experiment = frame.querySelector('vitrine-experiment')!;
  if (args.name) experiment.setAttribute('name', args.name);
  if (args.split) experiment.setAttribute('split', args.split);
  experiment.addEventListener('vitrine-experiment', (event) => {
    const { variant, forced } = (event as CustomEvent<{ variant: string; forced: boolean }>).detail;
    frame.querySelector('.label')!.textContent = `Variant ${variant}${forced ? ' (forced by the URL)' : ''}`;
  });
  return frame;
}

const meta = {
  title: 'Widgets/Experiment',
  component: 'vitrine-experiment',
  render,
  args: { name: 'story-bar', split: '50, 50', force: 'stored' },
  argTypes: {
    name: { control: 'text', description: 'The experiment id (storage key, analytics, the URL parameter).' },
    split: { control: 'text', description: 'Weights of the variants, in order: `50, 50`, `90, 10`.' },
    force: {
      control: 'inline-radio',
      options: ['stored', 'A', 'B'],
      description: 'QA: `?vitrine-variant=<name>:<label>` in this frame; `stored`: the visitor’s own bucket.',
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The visitor's stored bucket (drawn once, then the same at every visit). */
export const StoredBucket: Story = {
  play: async ({ canvasElement }) => {
    const bars = () => canvasElement.querySelectorAll('vitrine-sticky-bar');
    await waitFor(() => expect(bars()).toHaveLength(1));
    await expect(['A', 'B']).toContain(bars()[0].getAttribute('variant'));
  },
};

/** `?vitrine-variant=story-bar:B`: the second bar, whatever the bucket. */
export const ForcedB: Story = {
  args: { force: 'B' },
  play: async ({ canvasElement }) => {
    const bars = () => canvasElement.querySelectorAll('vitrine-sticky-bar');
    await waitFor(() => expect(bars()).toHaveLength(1));
    await expect(bars()[0].getAttribute('variant')).toBe('B');
    await expect(bars()[0].textContent).toContain('this week only');
    await expect(canvasElement.querySelector('.label')!.textContent).toBe('Variant B (forced by the URL)');
    forceInUrl('story-bar', 'stored');
  },
};
