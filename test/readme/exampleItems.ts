/** The items the README shows, one per event type, built by the trigger's own code from fixed inputs. */
import { parseCloudEvent, toEventItem, type CatalogEntry, type TechWolfEventItem } from '../../nodes/shared/events';
import { buildEvent } from '../../sandbox/events';

const EXAMPLE_IDS: Record<
	CatalogEntry['entity'],
	{ externalId?: string; externalVendor?: string; operationType?: string }
> = {
	employee: { externalId: 'E1' },
	job: { externalId: 'J1' },
	course: { externalId: 'C1' },
	skill: { externalId: '4b85469d-6729-4d70-9876-a0faa2a2f63b', externalVendor: 'workday' },
	taxonomy: { externalId: 'e92ae376-3b0c-4f5e-9c1a-6d2f0a7b8c91', operationType: 'vocab_update_rename_skill' },
	tenant: {},
};

export function exampleItem(entry: CatalogEntry): TechWolfEventItem {
	const event = buildEvent(entry.type, {
		tenant: 'acme',
		...EXAMPLE_IDS[entry.entity],
		id: '3f6c1a52-9d7e-4b1f-8a0c-2e5d7b9f1c34',
		time: '2026-11-23T10:30:00Z',
	});
	const parsed = parseCloudEvent(Buffer.from(JSON.stringify(event)), { eventId: event.id, tenant: 'acme' });
	if (!parsed.ok) throw new Error(parsed.message);
	return toEventItem(parsed.parsed, { tenant: 'acme', timestamp: 1_795_429_800, keyId: 'd75a980182b10ab7' });
}

export function exampleBlock(entry: CatalogEntry): string {
	return `<!-- item:${entry.name} -->\n\`\`\`json\n${JSON.stringify(exampleItem(entry), null, 2)}\n\`\`\``;
}
