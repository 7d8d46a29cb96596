import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A file of test/vectors/ as text. By a path from the package root, where Jest and Deno both run (npm scripts start
 * there): Jest's test files are CommonJS and Deno's ES modules, so neither __dirname nor import.meta serves both.
 */
export const readVector = (fileName: string): string => readFileSync(resolve('test', 'vectors', fileName), 'utf8');
