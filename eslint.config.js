import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS (bin/package.json): it requires the start-up bundle, dist/bundle/main.cjs.
    // So is the bench's pdfkit floor, which starts the way hirekit does (scripts/bench-floor.cjs).
    files: ['bin/hirekit.js', 'scripts/bench-floor.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
