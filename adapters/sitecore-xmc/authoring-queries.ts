import { z } from 'zod';

/**
 * Documents for the Authoring and Management GraphQL API, with the input
 * shapes Sitecore documents ("Query examples for authoring operations":
 * createItem(input: { name templateId parent language fields: [{ name value }] }),
 * deleteItem(input: { itemId | path, permanently }) → { successful }) and that
 * public clients use against live endpoints (updateItem(input: { itemId language
 * version fields }), item(where: { itemId | path language })).
 */
const ITEM_SELECTION = `
  itemId
  name
  displayName
  path
  version
  hasChildren
  language { name }
  template { templateId name }
  parent { itemId }
  fields(ownFields: false, excludeStandardFields: true) { nodes { name value } }`;

export const AUTHORING_ITEM_QUERY = `query ConduitAuthoringItem($where: ItemQueryInput!) {
  item(where: $where) { itemId path }
}`;

export const CREATE_ITEM_MUTATION = `mutation ConduitCreateItem($input: CreateItemInput!) {
  createItem(input: $input) { item {${ITEM_SELECTION} } }
}`;

export const UPDATE_ITEM_MUTATION = `mutation ConduitUpdateItem($input: UpdateItemInput!) {
  updateItem(input: $input) { item {${ITEM_SELECTION} } }
}`;

export const DELETE_ITEM_MUTATION = `mutation ConduitDeleteItem($input: DeleteItemInput!) {
  deleteItem(input: $input) { successful }
}`;

export const authoringItemSchema = z.looseObject({
  itemId: z.string(),
  name: z.string(),
  displayName: z.string().nullish(),
  path: z.string(),
  version: z.number().int().nullish(),
  hasChildren: z.boolean().nullish(),
  language: z.looseObject({ name: z.string() }).nullish(),
  template: z.looseObject({ templateId: z.string(), name: z.string() }),
  parent: z.looseObject({ itemId: z.string() }).nullish(),
  fields: z.looseObject({ nodes: z.array(z.looseObject({ name: z.string(), value: z.string().nullish() })) }),
});
export type AuthoringItem = z.infer<typeof authoringItemSchema>;

export const itemLookupDataSchema = z.looseObject({ item: z.looseObject({ itemId: z.string(), path: z.string() }).nullable() });
export const createItemDataSchema = z.looseObject({ createItem: z.looseObject({ item: authoringItemSchema.nullable() }).nullable() });
export const updateItemDataSchema = z.looseObject({ updateItem: z.looseObject({ item: authoringItemSchema.nullable() }).nullable() });
export const deleteItemDataSchema = z.looseObject({ deleteItem: z.looseObject({ successful: z.boolean() }).nullable() });
