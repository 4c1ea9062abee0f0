// One lint config for the app, the worker, tests and tools: strict typing rules that keep `any` off the
// worker boundary and make type-only imports explicit (they vanish from bundles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/', '.scratch/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { ecmaVersion: 2023, sourceType: 'module' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Plain scripts of benchmark and experiment pages: they run in a browser page or worker, untranspiled.
    files: ['bench/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        // prettier-ignore
        ['window', 'self', 'parent', 'document', 'location', 'performance', 'postMessage', 'Worker', 'URL',
          'Blob', 'fetch', 'indexedDB'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Command-line tools and test harnesses report progress on the console.
    files: ['tools/**', 'bench/**', 'test/**', '*.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
