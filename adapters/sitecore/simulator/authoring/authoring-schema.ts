import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The part of the Authoring and Management GraphQL API
 * (/sitecore/api/authoring/graphql/v1) Conduit uses: `item(where:)` and the
 * createItem / updateItem / deleteItem mutations. Input and output shapes
 * follow Sitecore's "Query examples for authoring operations" page
 * (doc.sitecore.com/xmc/en/developers/xm-cloud/query-examples-for-authoring-operations.html)
 * and public clients built against a live endpoint's SDL (mg-aceik/mcp-sitecore-server
 * src/tools/authoring/tools/items.ts). Type names of enums and payloads, and
 * which input fields are non-null, are NOT verified (see README).
 */
export const AUTHORING_SDL = /* GraphQL */ `
enum GuidFormat { N D B P }

input ItemQueryInput {
  itemId: ID
  path: String
  language: String
  version: Int
  database: String
}

input FieldValueInput {
  name: String!
  value: String
  reset: Boolean
}

input CreateItemInput {
  name: String!
  templateId: ID!
  parent: ID!
  language: String
  database: String
  fields: [FieldValueInput!]
}

input UpdateItemInput {
  itemId: ID
  path: String
  language: String
  version: Int
  database: String
  fields: [FieldValueInput!]
}

input DeleteItemInput {
  itemId: ID
  path: String
  permanently: Boolean
  database: String
}

type ItemLanguage { name: String! }

type ItemField { name: String! value: String }

type ItemFieldConnection { nodes: [ItemField!]! }

type ItemTemplate {
  templateId(format: GuidFormat = N): ID!
  name: String!
  fullName: String!
}

type Item {
  itemId(format: GuidFormat = N): ID!
  name: String!
  displayName: String
  path: String!
  database: String!
  version: Int!
  hasChildren: Boolean!
  language: ItemLanguage!
  template: ItemTemplate!
  parent: Item
  fields(ownFields: Boolean = false, excludeStandardFields: Boolean = false): ItemFieldConnection!
}

type CreateItemPayload { item: Item }
type UpdateItemPayload { item: Item }
type DeleteItemPayload { successful: Boolean! }

type Query {
  item(where: ItemQueryInput!): Item
}

type Mutation {
  createItem(input: CreateItemInput!): CreateItemPayload
  updateItem(input: UpdateItemInput!): UpdateItemPayload
  deleteItem(input: DeleteItemInput!): DeleteItemPayload
}
`;

let cached: GraphQLSchema | undefined;

export function authoringSchema(): GraphQLSchema {
  cached ??= buildSchema(AUTHORING_SDL);
  return cached;
}
