import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  {
    ignores: [
      '.scratch',
      'dist',
      'dist-single',
      'node_modules',
      'bench/.build',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The layers below the app state stay pure: no Svelte, no ECharts runtime (types are fine), and data flows one
    // way (README, Layout of the code): none of them reaches up into state, storage, export or the views.
    files: ['src/lib/{table,data,url,i18n,import,charts}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'lib/ stays framework-free' },
            {
              group: ['**/state/*', '**/storage/*', '**/export/*', '**/components/*', '**/views/*'],
              message: 'data flows one way: this layer does not reach up',
            },
            {
              group: ['echarts', 'echarts/*'],
              allowTypeImports: true,
              message: 'only lib/echarts imports the ECharts runtime',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
    },
  },
);
