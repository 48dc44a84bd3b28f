import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and one passed where a
    // void callback is expected runs unsupervised.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Assertions inside helpers (expectNoKeyMaterial, runAndCheck...) count.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', '*Check*'] }],
      // A test that runs only where the machine allows it (output-files.test.ts: mkfifo).
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['fifoTest'] }],
    },
  },
);
