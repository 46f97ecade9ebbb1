/**
 * The project's templates and renderings, declared once. Keys name them in the
 * generator; ids are drawn from the seeded PRNG in declaration order.
 */

export interface FieldSpec {
  name: string;
  type: string;
  shared?: boolean;
  unversioned?: boolean;
  source?: string;
}

export interface TemplateSpec {
  key: string;
  name: string;
  /** Folder path under /sitecore/templates. */
  folder: string;
  /** Keys of other specs, or canonical ids of well-known templates. */
  bases: string[];
  sections: Array<{ name: string; fields: FieldSpec[] }>;
  /** Page templates get standard values with a layout. */
  page?: { renderings: string[] };
  icon: string;
}

export interface RenderingSpec {
  key: string;
  name: string;
  /** Folder path under /sitecore/layout/Renderings. */
  folder: string;
  kind: 'view' | 'controller';
  /** Datasource template key, when the rendering takes a datasource. */
  datasourceTemplate?: string;
  placeholder: string;
}

export const SITE = 'Acme';

const text = (name: string): FieldSpec => ({ name, type: 'Single-Line Text' });
const rich = (name: string): FieldSpec => ({ name, type: 'Rich Text' });
const image = (name: string): FieldSpec => ({ name, type: 'Image', source: '/sitecore/media library/Project/Acme' });
const link = (name: string): FieldSpec => ({ name, type: 'General Link' });
const pages = (name: string, type = 'Multilist'): FieldSpec => ({ name, type, source: '/sitecore/content/Home' });

export const TEMPLATE_SPECS: readonly TemplateSpec[] = [
  { key: 'basePage', name: '_Base Page', folder: 'Foundation/SEO', bases: ['std'], icon: 'Office/16x16/document_empty.png', sections: [
    { name: 'Page Metadata', fields: [text('Title'), text('Meta Title'), { name: 'Meta Description', type: 'Multi-Line Text' },
      text('Navigation Title'), { name: 'Show in Navigation', type: 'Checkbox', shared: true }] }] },
  { key: 'hero', name: 'Hero', folder: 'Feature/Hero', bases: ['std'], icon: 'Office/16x16/photo_landscape.png', sections: [
    { name: 'Hero', fields: [text('Heading'), text('Subheading'), image('Image'), link('Call To Action')] }] },
  { key: 'promo', name: 'Promo', folder: 'Feature/Promo', bases: ['std'], icon: 'Office/16x16/megaphone.png', sections: [
    { name: 'Promo', fields: [text('Heading'), rich('Text'), link('Link'), image('Image')] }] },
  { key: 'textBlock', name: 'Text Block', folder: 'Feature/Content', bases: ['std'], icon: 'Office/16x16/document_text.png', sections: [
    { name: 'Content', fields: [rich('Text')] }] },
  { key: 'teaser', name: 'Teaser', folder: 'Feature/Content', bases: ['std'], icon: 'Office/16x16/note.png', sections: [
    { name: 'Teaser', fields: [text('Title'), { name: 'Summary', type: 'Multi-Line Text' }, pages('Target', 'Droptree')] }] },
  { key: 'linkList', name: 'Link List', folder: 'Feature/Navigation', bases: ['std'], icon: 'Office/16x16/links.png', sections: [
    { name: 'Links', fields: [text('Title'), pages('Links')] }] },
  { key: 'header', name: 'Header', folder: 'Feature/Navigation', bases: ['std'], icon: 'Office/16x16/window_split_hor.png', sections: [
    { name: 'Header', fields: [image('Logo'), pages('Utility Links')] }] },
  { key: 'footer', name: 'Footer', folder: 'Feature/Navigation', bases: ['std'], icon: 'Office/16x16/window_split_hor.png', sections: [
    { name: 'Footer', fields: [text('Copyright'), pages('Footer Links')] }] },
  { key: 'tag', name: 'Tag', folder: 'Foundation/Taxonomy', bases: ['std'], icon: 'Office/16x16/tag.png', sections: [
    { name: 'Tag', fields: [text('Tag Name')] }] },
  { key: 'author', name: 'Author', folder: 'Foundation/Taxonomy', bases: ['std'], icon: 'Office/16x16/user1.png', sections: [
    { name: 'Author', fields: [text('Full Name'), image('Photo'), { name: 'Bio', type: 'Multi-Line Text' }] }] },
  { key: 'style', name: 'Style', folder: 'Foundation/Presentation', bases: ['std'], icon: 'Office/16x16/paint_brush.png', sections: [
    { name: 'Style', fields: [{ name: 'Value', type: 'Single-Line Text', shared: true }] }] },
  { key: 'landingPage', name: 'Landing Page', folder: 'Project/Acme/Pages', bases: ['basePage'], icon: 'Office/16x16/home.png',
    page: { renderings: ['searchBox', 'container'] }, sections: [
      { name: 'Landing', fields: [rich('Intro'), image('Hero Image'), pages('Featured Pages', 'Treelist')] }] },
  { key: 'contentPage', name: 'Content Page', folder: 'Project/Acme/Pages', bases: ['basePage'], icon: 'Office/16x16/document.png',
    page: { renderings: ['pageBody'] }, sections: [
      { name: 'Content', fields: [rich('Body'), image('Image'), pages('Related Pages'), link('Side Link'),
        { name: 'Downloads', type: 'Treelist', source: '/sitecore/media library/Project/Acme' }] }] },
  { key: 'articlePage', name: 'Article Page', folder: 'Project/Acme/Pages', bases: ['basePage'], icon: 'Office/16x16/newspaper.png',
    page: { renderings: ['articleBody'] }, sections: [
      { name: 'Article', fields: [rich('Body'), image('Image'), { name: 'Publish Date', type: 'Date' },
        { name: 'Author', type: 'Droplink', source: '/sitecore/content/Shared Content/Authors' },
        { name: 'Tags', type: 'Treelist', source: '/sitecore/content/Shared Content/Tags' }, pages('Related Pages')] }] },
  { key: 'eventPage', name: 'Event Page', folder: 'Project/Acme/Pages', bases: ['basePage'], icon: 'Office/16x16/calendar.png',
    page: { renderings: ['eventDetails'] }, sections: [
      { name: 'Event', fields: [rich('Body'), { name: 'Start Date', type: 'Datetime' }, { name: 'End Date', type: 'Datetime' },
        text('Venue'), link('Registration Link')] }] },
  { key: 'productPage', name: 'Product Page', folder: 'Project/Acme/Pages', bases: ['basePage'], icon: 'Office/16x16/package.png',
    page: { renderings: ['productDetails'] }, sections: [
      { name: 'Product', fields: [rich('Body'), image('Product Image'), { name: 'SKU', type: 'Single-Line Text', shared: true },
        { name: 'Price', type: 'Number', shared: true }, link('Brochure'), pages('Related Pages')] }] },
];

/** Datasource template key → rendering key that displays it. */
export const DATASOURCE_RENDERING: Readonly<Record<string, string>> = {
  hero: 'hero', promo: 'promo', textBlock: 'richText', teaser: 'teaser', linkList: 'linkList',
};
export const DATASOURCE_TEMPLATES = ['hero', 'promo', 'textBlock', 'teaser', 'linkList'] as const;

/** Renderings every page template's standard values place (header, navigation, breadcrumb, footer). */
export const STANDARD_VALUES_RENDERINGS = ['header', 'navigation', 'breadcrumb', 'footer'] as const;

export const RENDERING_SPECS: readonly RenderingSpec[] = [
  { key: 'header', name: 'Header', folder: 'Feature/Navigation', kind: 'view', datasourceTemplate: 'header', placeholder: 'header' },
  { key: 'navigation', name: 'Navigation', folder: 'Feature/Navigation', kind: 'controller', placeholder: 'header' },
  { key: 'breadcrumb', name: 'Breadcrumb', folder: 'Feature/Navigation', kind: 'view', placeholder: 'main' },
  { key: 'footer', name: 'Footer', folder: 'Feature/Navigation', kind: 'view', datasourceTemplate: 'footer', placeholder: 'footer' },
  { key: 'searchBox', name: 'Search Box', folder: 'Feature/Search', kind: 'controller', placeholder: 'main' },
  { key: 'pageBody', name: 'Page Body', folder: 'Project/Acme', kind: 'view', placeholder: 'main' },
  { key: 'articleBody', name: 'Article Body', folder: 'Project/Acme', kind: 'view', placeholder: 'main' },
  { key: 'eventDetails', name: 'Event Details', folder: 'Project/Acme', kind: 'view', placeholder: 'main' },
  { key: 'productDetails', name: 'Product Details', folder: 'Project/Acme', kind: 'controller', placeholder: 'main' },
  { key: 'hero', name: 'Hero', folder: 'Feature/Hero', kind: 'view', datasourceTemplate: 'hero', placeholder: 'main' },
  { key: 'promo', name: 'Promo', folder: 'Feature/Promo', kind: 'view', datasourceTemplate: 'promo', placeholder: 'main' },
  { key: 'richText', name: 'Rich Text', folder: 'Feature/Content', kind: 'view', datasourceTemplate: 'textBlock', placeholder: 'main' },
  { key: 'teaser', name: 'Teaser', folder: 'Feature/Content', kind: 'view', datasourceTemplate: 'teaser', placeholder: 'main' },
  { key: 'linkList', name: 'Link List', folder: 'Feature/Navigation', kind: 'view', datasourceTemplate: 'linkList', placeholder: 'main' },
  { key: 'container', name: 'Container', folder: 'Feature/Layout', kind: 'controller', placeholder: 'main' },
];

/** Site sections under Home and the template of their pages. */
export const SECTIONS: ReadonlyArray<{ name: string; child: string }> = [
  { name: 'About Us', child: 'contentPage' }, { name: 'Products', child: 'productPage' }, { name: 'Solutions', child: 'productPage' },
  { name: 'Services', child: 'contentPage' }, { name: 'Industries', child: 'contentPage' }, { name: 'News', child: 'articlePage' },
  { name: 'Blog', child: 'articlePage' }, { name: 'Insights', child: 'articlePage' }, { name: 'Events', child: 'eventPage' },
  { name: 'Careers', child: 'contentPage' }, { name: 'Support', child: 'contentPage' }, { name: 'Locations', child: 'contentPage' },
];
