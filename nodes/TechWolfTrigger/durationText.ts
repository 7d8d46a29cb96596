/** A duration as the help texts say it: `durationText(60, 'seconds')` is "60 seconds", `durationText(60, 'minutes')` "a minute". */
export function durationText(seconds: number, unit: 'seconds' | 'minutes'): string {
	if (unit === 'seconds') return `${seconds} seconds`;
	const minutes = seconds / 60;
	return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
