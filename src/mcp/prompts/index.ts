import type { McpServer } from '@modelcontextprotocol/server';
import type { App } from '../../app-types.ts';
import type { ResponseBudget } from '../tool-kit/response-budget.ts';
import { registerReviewContentItem } from './review-content-item.ts';
import { registerSummariseXrayReport } from './summarise-xray-report.ts';

/** Conduit's prompts. */
export function registerPrompts(server: McpServer, app: App, budget: ResponseBudget): void {
  registerReviewContentItem(server, app, budget);
  registerSummariseXrayReport(server);
}
