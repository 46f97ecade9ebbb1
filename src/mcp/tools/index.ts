import type { ToolDefinition } from '../tool-kit/define-tool.ts';
import { contentCreate } from './content/content-create.ts';
import { contentDelete } from './content/content-delete.ts';
import { contentGet } from './content/content-get.ts';
import { contentList } from './content/content-list.ts';
import { contentSearch } from './content/content-search.ts';
import { contentUpdate } from './content/content-update.ts';
import { mediaGet } from './content/media-get.ts';
import { mediaList } from './content/media-list.ts';
import { schemaGet } from './content/schema-get.ts';
import { schemaList } from './content/schema-list.ts';
import { healthCheck } from './ops/health-check.ts';
import { xrayCancel } from './xray/xray-cancel.ts';
import { xrayList } from './xray/xray-list.ts';
import { xrayScan } from './xray/xray-scan.ts';
import { xrayStatus } from './xray/xray-status.ts';
import { xrayCompare } from './xray/xray-compare.ts';
import { xrayGraph } from './xray/xray-graph.ts';
import { xrayHealth } from './xray/xray-health.ts';
import { xrayReport } from './xray/xray-report.ts';

/** Every Conduit tool, in the order tools/list shows them. Docs are generated from this list. */
export const TOOLS: readonly ToolDefinition[] = [
  contentList, contentGet, contentSearch, contentCreate, contentUpdate, contentDelete,
  mediaList, mediaGet, schemaList, schemaGet, healthCheck,
  xrayScan, xrayStatus, xrayList, xrayCancel,
  xrayReport, xrayCompare, xrayGraph, xrayHealth,
];
