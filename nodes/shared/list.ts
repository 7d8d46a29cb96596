/** What users type between the entries of a list field: commas, semicolons, spaces or new lines. */
const LIST_SEPARATORS = /[\s,;]+/;

/** The non-empty entries of a typed list ("a, b\nc" is three entries), trimmed. */
export function splitList(text: string, separators: RegExp = LIST_SEPARATORS): string[] {
	return text
		.split(separators)
		.map((entry) => entry.trim())
		.filter((entry) => entry.length > 0);
}
