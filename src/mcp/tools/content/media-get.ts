import { z } from 'zod';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { itemRef, itemToolInput } from '../../tool-kit/tool-input.ts';
import { localeArg, mediaItemSchema } from '../content-schemas.ts';

const input = itemToolInput({ locale: localeArg });

export const mediaGet = defineTool({
  name: 'media_get',
  title: 'Get a media item',
  description: 'Get one media item (by id, or path where the CMS has paths): URL, MIME type, size, dimensions and alt text. The binary itself is not returned.',
  toolset: 'content',
  requires: 'media',
  annotations: READ_ONLY,
  input,
  output: z.object({ adapter: z.string(), media: mediaItemSchema }),
  handler: ({ app }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const { raw: _raw, ...media } = await app.content.getMedia(adapter, itemRef(args, 'media item'), args.locale ? { locale: args.locale } : {});
    return { adapter, media };
  }),
});
