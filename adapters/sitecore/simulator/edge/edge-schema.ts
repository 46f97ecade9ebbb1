import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The Experience Edge delivery schema, as far as Conduit and JSS-style clients
 * use it. Modelled on the introspection result Sitecore committed in
 * Sitecore/jss (packages/create-sitecore-jss/src/templates/nextjs/src/temp/
 * GraphQLIntrospectionResult.json) and on current XM Cloud usage.
 *
 * Deliberate simplifications (see README in this folder):
 * - Per-template generated types (`C__Route`, `AppRoute`, …) are not generated:
 *   every item is an `UnknownItem`, which Edge also uses for templates outside
 *   Foundation/Feature/Project/User Defined. Clients that spread `... on Foo`
 *   fragments for generated types get a validation error here.
 * - Input type names follow the current XM Cloud schema (`ItemSearchPredicateInput`,
 *   `ItemSearchOrderByInput`); the 2022 JSS introspection named them
 *   `ItemSearchPredicateGraphType` and `ItemSearchOrderBy`.
 * - `site` (XM Cloud site info) is not modelled.
 */
export const EDGE_SDL = /* GraphQL */ `
scalar JSON
scalar Long

type Query {
  "Allows querying items from the content tree. path takes an item path or ID."
  item(path: String, language: String!): Item
  "Allows querying layout data for the item"
  layout(site: String!, routePath: String!, language: String!): LayoutData
  "Allows to query items through the search"
  search(where: ItemSearchPredicateInput!, after: String, first: Int, orderBy: ItemSearchOrderByInput): ItemSearchResults
}

type LayoutData {
  item: Item
}

input ItemSearchPredicateInput {
  name: String
  value: String
  AND: [ItemSearchPredicateInput]
  OR: [ItemSearchPredicateInput]
  operator: ItemSearchOperator
}

enum ItemSearchOperator { EQ CONTAINS NEQ NCONTAINS }

input ItemSearchOrderByInput {
  name: String!
  direction: Ordering
}

enum Ordering { ASC DESC }

type PageInfo {
  endCursor: String!
  hasNext: Boolean!
}

type ItemSearchResults {
  pageInfo: PageInfo!
  results: [Item]!
  total: Int!
}

type ItemUrl {
  hostName: String!
  path: String!
  scheme: String!
  siteName: String!
  url: String!
}

type ItemLanguage {
  displayName: String!
  englishName: String!
  name: String!
  nativeName: String!
}

type ItemTemplateField {
  id(format: String = "N"): ID
  name: String!
  section: String!
  sectionSortOrder: Int!
  shared: Boolean!
  sortOrder: Int!
  source: String!
  title: String!
  type: String!
  unversioned: Boolean!
}

type ItemTemplate {
  baseTemplates: [ItemTemplate]
  fields: [ItemTemplateField]
  id(format: String = "N"): ID!
  name: String!
  ownFields: [ItemTemplateField]
}

interface ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  value: String
}

type TextField implements ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  value: String
}

type RichTextField implements ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  value: String
}

type CheckboxField implements ItemField {
  boolValue: Boolean!
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  value: String
}

type DateField implements ItemField {
  dateValue: Long
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  value: String
}

type NumberField implements ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  numberValue: Float
  value: String
}

type ImageField implements ItemField {
  alt: String
  definition: ItemTemplateField
  height: Int
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  src: String
  value: String
  width: Int
}

type LinkField implements ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  linkType: String
  name: String!
  target: String
  text: String
  url: String!
  value: String
}

type LookupField implements ItemField {
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  targetItem: Item
  value: String
}

type MultilistField implements ItemField {
  count: Int!
  definition: ItemTemplateField
  id(format: String = "N"): ID!
  jsonValue: JSON!
  name: String!
  targetItems: [Item]
  value: String
}

interface Item {
  ancestors(hasLayout: Boolean = false, includeTemplateIDs: [String] = []): [Item]!
  children(hasLayout: Boolean = false, includeTemplateIDs: [String] = [], first: Int, after: String): ItemSearchResults!
  displayName: String
  field(name: String!): ItemField
  fields(ownFields: Boolean = false): [ItemField]!
  hasChildren(hasLayout: Boolean = false, includeTemplateIDs: [String] = []): Boolean!
  id(format: String = "N"): ID!
  itemUri: String!
  language: ItemLanguage!
  languages: [Item]!
  name: String!
  parent: Item
  path: String!
  rendered: JSON!
  template: ItemTemplate!
  url: ItemUrl!
  version: Int!
}

type UnknownItem implements Item {
  ancestors(hasLayout: Boolean = false, includeTemplateIDs: [String] = []): [Item]!
  children(hasLayout: Boolean = false, includeTemplateIDs: [String] = [], first: Int, after: String): ItemSearchResults!
  displayName: String
  field(name: String!): ItemField
  fields(ownFields: Boolean = false): [ItemField]!
  hasChildren(hasLayout: Boolean = false, includeTemplateIDs: [String] = []): Boolean!
  id(format: String = "N"): ID!
  itemUri: String!
  language: ItemLanguage!
  languages: [Item]!
  name: String!
  parent: Item
  path: String!
  rendered: JSON!
  template: ItemTemplate!
  url: ItemUrl!
  version: Int!
}
`;

let cached: GraphQLSchema | undefined;

/** Builds (once) the executable-shape schema; resolvers are supplied at execution time. */
export function edgeSchema(): GraphQLSchema {
  cached ??= buildSchema(EDGE_SDL);
  return cached;
}
