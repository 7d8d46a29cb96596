/** The shapes a real n8n's internal REST API (`/rest`) returns, as far as the e2e tests and benchmarks read them. */

/** What n8n returns for a node's items. */
export interface N8nItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
}

/** One run of one node (`ITaskData`). */
export interface N8nNodeRun {
	startTime: number;
	executionTime: number;
	executionIndex?: number;
	executionStatus?: string;
	error?: Record<string, unknown>;
	/** `main`: one array of items per output (null for an output that produced nothing). Absent on error. */
	data?: { main: Array<N8nItem[] | null> };
}

/** The decoded `IRunExecutionData` (only the parts tests read are typed). */
export interface N8nRunData {
	resultData: {
		runData: Record<string, N8nNodeRun[] | undefined>;
		lastNodeExecuted?: string;
		error?: Record<string, unknown>;
	};
	[key: string]: unknown;
}

export interface N8nExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface N8nExecution extends N8nExecutionSummary {
	/** Decoded from the flatted string the REST API sends. */
	data: N8nRunData;
}

export interface N8nWorkflowJson {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface N8nWorkflow extends N8nWorkflowJson {
	id: string;
	active: boolean;
	versionId: string;
	activeVersionId?: string | null;
}

export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	[key: string]: unknown;
}

/** Result of the editor's "Test" button. */
export interface N8nCredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface N8nUser {
	id: string;
	email: string;
	[key: string]: unknown;
}
