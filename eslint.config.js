import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { configs as wc } from 'eslint-plugin-wc';
import lit from 'eslint-plugin-lit';

export default defineConfig(
  { ignores: ['**/dist/**', 'storybook-static/**', 'custom-elements.json', 'bench/.tmp/**', 'examples/**/assets/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
      },
    },
  },
  wc['flat/recommended'],
  lit.configs['flat/recommended'],
  { settings: { wc: { elementBaseClasses: ['LitElement', 'VitrineElement'] } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
