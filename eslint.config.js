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
    // lib/data, lib/import and lib/charts stay pure: no Svelte, no ECharts runtime (types are fine).
    files: ['src/lib/data/**/*.ts', 'src/lib/charts/**/*.ts', 'src/lib/import/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'lib/ stays framework-free' },
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
