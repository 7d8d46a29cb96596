import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import * as course from './actions/course';
import * as employee from './actions/employee';
import * as event from './actions/event';
import * as exportResource from './actions/export';
import * as job from './actions/job';
import { router } from './actions/router';
import * as skill from './actions/skill';
import * as taxonomy from './actions/taxonomy';

export class TechWolf implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TechWolf',
		name: 'techWolf',
		icon: { light: 'file:../../icons/techwolf.svg', dark: 'file:../../icons/techwolf.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Read and update skills data in TechWolf's SkillEngine, and resolve TechWolf webhook events",
		defaults: { name: 'TechWolf' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'techWolfOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'techWolfApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
					{ name: 'Access Token', value: 'accessToken' },
				],
				default: 'oAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Course', value: 'course' },
					{ name: 'Employee', value: 'employee' },
					{ name: 'Event', value: 'event', description: 'Resolve a TechWolf webhook event to its data' },
					{ name: 'Export', value: 'export' },
					{ name: 'Job', value: 'job' },
					{ name: 'Skill', value: 'skill' },
					{ name: 'Taxonomy', value: 'taxonomy' },
				],
				default: 'event',
			},
			...event.description,
			...employee.description,
			...job.description,
			...course.description,
			...skill.description,
			...taxonomy.description,
			...exportResource.description,
		],
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
