import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      'data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Type-aware rules for TypeScript sources: a forgotten await is a real bug.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
    },
  },
  {
    // Every type-aware recommended rule (no-unsafe-* among them) on the API and shared code.
    files: ['api/src/**/*.ts', 'shared/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    // The web: type-aware recommended rules (no unsafe any flowing through pages or live code).
    files: ['web/src/**/*.ts', 'web/src/**/*.svelte'],
    // Only the rules: each file keeps its parser (eslint-plugin-svelte's for components).
    rules: tseslint.configs.recommendedTypeCheckedOnly.find(
      (c) => c.name === 'typescript-eslint/recommended-type-checked-only',
    )?.rules,
  },
);
