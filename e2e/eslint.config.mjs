export { default } from '../eslint.dev-tooling.mjs';
