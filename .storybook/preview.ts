import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import 'vitrine/define';

interface Member {
  name?: string;
  privacy?: string;
}
interface Declaration {
  members?: Member[];
  attributes?: Member[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

// Autodocs lists what a user can touch: drop private and protected members and #fields.
const publicOnly = (source: Manifest): Manifest => ({
  ...source,
  modules: source.modules?.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      members: declaration.members?.filter((member) => !member.privacy && !member.name?.startsWith('#')),
    })),
  })),
});

setCustomElementsManifest(publicOnly(manifest as Manifest));

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#111827' },
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'light' } },
};

export default preview;
