/**
 * The action's entry module, in actions/typescript-action's layout: it exports run(), which
 * index.ts calls and which `npx @github/local-action run . src/main.ts .env` runs directly.
 */
export { runAction as run } from './action.js';
