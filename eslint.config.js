// One lint gate for the whole repo. Architecture rules live here so the compiler and linter
// both enforce them: shared/ stays pure (no Electron, Node, React or DB), renderer/ never
// reaches the transport or the DB.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeOnly = ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*', 'fs', 'path', 'os', 'child_process', 'crypto']

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'db/migrations/**', '.electron-native/**', 'test-results/**', 'bench/out/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name='handle']", message: 'Register IPC only through electron/ipc/register.ts.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeOnly, 'react', 'react-dom', '@mantine/*'] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'shared/ never reads the clock: take `today` as a parameter.' }, { object: 'Math', property: 'random', message: 'shared/ is deterministic.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeOnly] }],
      // User text is only ever rendered as text (issue 7): no HTML injection points at all.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user text as text, never as HTML.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render user text as text, never as HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render user text as text, never as HTML.' },
      ],
    },
  },
  {
    // Plain CommonJS helpers run by node directly (not bundled, not type-checked).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/ipc/register.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
