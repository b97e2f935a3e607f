// Flat config. The process boundaries of the design are lint errors here, not conventions
// (as VS Code's code-layering rule and Signal's file-suffix rule do it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'events',
  'util',
  'buffer',
];

const electronOnly = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron; keep logic in electron/core behind ports.',
};

export default tseslint.config(
  {
    ignores: ['.adhoc-*/**', '.data/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // strictTypeChecked, with three choices of ours:
      // numbers and booleans read naturally in messages and test names;
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // with noUncheckedIndexedAccess, `buf[i]!` in a bounds-checked loop (pixels, bytes) is the
      // honest spelling, and a runtime check there would cost the QR reader its speed;
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => void sideEffect()` and `(e) => emit(e)` arrows are fine.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A switch over a union handles every member (a new error code or step must be handled).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  // shared/: pure code for both processes. No Node, no DOM, no electron.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in main and renderer: no Node APIs.' },
            { group: ['**/electron/**', '**/renderer/**', '@/*'], message: 'shared/ depends on nothing in the app.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer'],
    },
  },
  // renderer/: shared/ and browser libraries only.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer is a sandboxed web page: no Node APIs.' },
            { group: ['**/electron/**'], message: 'The renderer reaches main only through the typed contract client.' },
          ],
        },
      ],
    },
  },
  // electron/core, electron/mock, electron/browser-host: plain Node, never electron.
  {
    files: ['electron/core/**/*.ts', 'electron/mock/**/*.ts', 'electron/browser-host/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [{ group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' }],
        },
      ],
    },
  },
  // The client talks to the identity mock over HTTP only, as it would to a remote server.
  {
    files: ['electron/core/**/*.ts', 'electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mock/**', '!**/mock/server', '!**/mock/start'],
              message: 'Reach the identity mock over HTTP; only composition roots may start it.',
            },
            { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['**/mock/**'], message: 'electron/core reaches the identity mock over HTTP only.' },
            { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'tests/**/*.ts', 'scripts/**', 'bench/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // No import cycles in the app's code: a cycle makes module start order matter (a value read
  // before its module ran is undefined) and ties layers together. Type-only imports do not count.
  // Resolved through both tsconfigs (@shared/* and the renderer's @/*), .vue files included.
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.vue'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'renderer/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Last: Prettier owns layout, so no stylistic rule (vue/* formatting included) fights it.
  eslintConfigPrettier,
);
