/**
 * The GraphQL documents the adapter sends to Experience Edge. Every argument
 * is a variable: Sitecore documents a schema bug when literals and variables
 * are mixed in one query. `children` is never nested in `children` (Edge's
 * complexity limit): a tree is read one level per query.
 */

/** What the adapter reads of every item. `ownFields: false` so inherited fields are included; Edge drops `__` fields. */
const ITEM_FIELDS = /* GraphQL */ `
fragment ConduitItem on Item {
  id
  name
  displayName
  path
  version
  hasChildren
  template { id name }
  url { path url }
  language { name }
  parent { id }
  fields(ownFields: $ownFields) { name value jsonValue @include(if: $withJson) }
}`;

export const HEALTH_QUERY = /* GraphQL */ `
query ConduitHealth($path: String!, $language: String!) {
  item(path: $path, language: $language) { id }
}`;

/** The languages an item is published in (for an X-Ray scan's scope note). */
export const ITEM_LANGUAGES_QUERY = /* GraphQL */ `
query ConduitItemLanguages($path: String!, $language: String!) {
  item(path: $path, language: $language) { languages { language { name } } }
}`;

export const GET_ITEM_QUERY = /* GraphQL */ `
query ConduitGetItem($path: String!, $language: String!, $ownFields: Boolean!, $withJson: Boolean!) {
  item(path: $path, language: $language) { ...ConduitItem }
}
${ITEM_FIELDS}`;

export const CHILDREN_QUERY = /* GraphQL */ `
query ConduitChildren($path: String!, $language: String!, $first: Int!, $after: String, $ownFields: Boolean!, $withJson: Boolean!) {
  item(path: $path, language: $language) {
    id
    children(first: $first, after: $after) {
      total
      pageInfo { hasNext endCursor }
      results { ...ConduitItem }
    }
  }
}
${ITEM_FIELDS}`;

export const SEARCH_QUERY = /* GraphQL */ `
query ConduitSearch($where: ItemSearchPredicateInput!, $first: Int!, $after: String, $ownFields: Boolean!, $withJson: Boolean!) {
  search(where: $where, first: $first, after: $after) {
    total
    pageInfo { hasNext endCursor }
    results { ...ConduitItem }
  }
}
${ITEM_FIELDS}`;

/** Distinct templates are collected from search results: templates are not items on Edge. */
export const TEMPLATE_SCAN_QUERY = /* GraphQL */ `
query ConduitTemplateScan($where: ItemSearchPredicateInput!, $first: Int!, $after: String) {
  search(where: $where, first: $first, after: $after) {
    total
    pageInfo { hasNext endCursor }
    results { template { id name } }
  }
}`;

const TEMPLATE_DETAIL = /* GraphQL */ `
fragment ConduitTemplate on ItemTemplate {
  id
  name
  fields { id name type section shared }
}`;

export const TEMPLATE_DETAIL_QUERY = /* GraphQL */ `
query ConduitTemplateDetail($where: ItemSearchPredicateInput!, $first: Int!) {
  search(where: $where, first: $first) {
    results {
      template {
        ...ConduitTemplate
        baseTemplates { ...ConduitTemplate }
      }
    }
  }
}
${TEMPLATE_DETAIL}`;

export const LAYOUT_QUERY = /* GraphQL */ `
query ConduitLayout($site: String!, $routePath: String!, $language: String!) {
  layout(site: $site, routePath: $routePath, language: $language) {
    item { id path rendered }
  }
}`;
