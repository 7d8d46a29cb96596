/** The parts of @n8n/scan-community-package 0.32.0 (plain ES modules, no types) that scripts/scan.ts uses. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface Analysis {
		passed: boolean;
		message?: string;
		details?: string;
	}
	/** Lints `filePatterns` under `packageDir` with the scanner's ESLint config; inline disables are ignored. */
	export function analyzePackage(packageDir: string, filePatterns?: string[]): Promise<Analysis>;
	/** The folder of the package.json named `packageName` in a repository checkout, as the scanner locates it. */
	export function findPackageRoot(sourceDir: string, packageName: string): string | null;
	/** What the source leg lints: package.json, nodes/ and credentials/. */
	export const SOURCE_FILE_PATTERNS: string[];
}

declare module '@n8n/scan-community-package/scanner/provenance.mjs' {
	import type { Analysis } from '@n8n/scan-community-package/scanner/scanner.mjs';
	/** Passes when `metadata.versions[version]` carries an SLSA v1 npm provenance attestation. */
	export function checkPackageProvenance(metadata: { versions: Record<string, unknown> }, version: string): Analysis;
}
