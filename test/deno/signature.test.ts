// The signature module's cases under Deno 2: the same cases as Jest runs, through Deno's own node:crypto.
// Run with `npm run test:deno`.
import { signatureCases } from '../signature/cases';

declare const Deno: {
	test(name: string, fn: () => void | Promise<void>): void;
	readTextFileSync(path: URL): string;
};

const readVector = (fileName: string) => Deno.readTextFileSync(new URL(`../vectors/${fileName}`, import.meta.url));

for (const testCase of signatureCases(readVector)) Deno.test(testCase.name, testCase.run);
