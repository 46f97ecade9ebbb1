import { createMemoryEdgeSource, type EdgeContentSource, type EdgeItemRecord } from '../edge-content-source.ts';

/** Deterministic test GUIDs: gid(7) = 00000000-0000-4000-8000-000000000007. */
export function gid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const FIXTURE = {
  sitecore: '11111111-1111-4111-8111-111111111111',
  content: '0de95ae4-41ab-4d01-9eb0-67441b7c2450',
  home: '110d559f-dea5-42ea-9c1c-8a5df7e70ef9',
  about: gid(1),
  news: gid(2),
  hidden: gid(3),
  hiddenChild: gid(4),
  mediaLibrary: '3d6658d8-a0bf-4e75-b3e2-d050fabcf4e1',
  images: gid(5),
  hero: gid(6),
  templatesRoot: gid(7),
  sampleTemplate: '76036f5e-cbce-46d1-af0a-4143f9b557aa',
  articleTemplate: gid(20),
  seoTemplate: gid(21),
  folderTemplate: gid(22),
  imageTemplate: gid(23),
  mainSectionTemplate: gid(24),
  mediaFolderTemplate: gid(25),
  heroRendering: gid(30),
  layoutRoot: gid(31),
  /** Articles are gid(101) … gid(125). */
  articleCount: 25,
} as const;

const LAYOUT = `<r xmlns:xsd="http://www.w3.org/2001/XMLSchema"><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}" l="{${gid(32).toUpperCase()}}"><r id="{${FIXTURE.heroRendering.toUpperCase()}}" ds="{${FIXTURE.about.toUpperCase()}}" ph="headless-main" uid="{${gid(33).toUpperCase()}}" /></d></r>`;

function articles(): EdgeItemRecord[] {
  return Array.from({ length: FIXTURE.articleCount }, (_, i) => ({
    id: gid(101 + i), parentId: FIXTURE.news, name: `Article ${String(i + 1).padStart(2, '0')}`,
    templateId: FIXTURE.articleTemplate, templateName: 'Article',
    fields: {
      Title: `News article ${i + 1}`, Body: `<p>Body of article ${i + 1}</p>`, 'Meta Title': '',
      Related: `{${FIXTURE.about.toUpperCase()}}`, Image: `<image mediaid="{${FIXTURE.hero.toUpperCase()}}" alt="Hero" />`,
      '__Updated': '20240611T083000Z',
    },
  }));
}

/** A small published tree: content, a site, 25 news articles, a never-publish branch, media, templates and a rendering. */
export function edgeFixtureSource(): EdgeContentSource {
  const items: EdgeItemRecord[] = [
    { id: FIXTURE.sitecore, name: 'sitecore', templateId: gid(90), templateName: 'Root' },
    { id: FIXTURE.content, parentId: FIXTURE.sitecore, name: 'content', templateId: FIXTURE.mainSectionTemplate, templateName: 'Main section' },
    {
      id: FIXTURE.home, parentId: FIXTURE.content, name: 'Home', templateId: FIXTURE.sampleTemplate, templateName: 'Sample Item',
      versions: {
        en: { version: 2, displayName: 'Home', fields: { Title: 'Welcome', Text: '<p>Hello</p>', '__Renderings': LAYOUT, '__Updated': '20240611T083000Z', '__Security': 'ar|sitecore\\Everyone|pe|+item:read|' } },
        da: { version: 1, displayName: 'Hjem', fields: { Title: 'Velkommen', Text: '<p>Hej</p>' } },
      },
    },
    { id: FIXTURE.about, parentId: FIXTURE.home, name: 'About Us', templateId: FIXTURE.sampleTemplate, templateName: 'Sample Item', fields: { Title: 'About us', Text: 'About text' } },
    { id: FIXTURE.news, parentId: FIXTURE.home, name: 'News', templateId: FIXTURE.folderTemplate, templateName: 'Folder' },
    ...articles(),
    { id: FIXTURE.hidden, parentId: FIXTURE.home, name: 'Hidden', templateId: FIXTURE.sampleTemplate, templateName: 'Sample Item', fields: { Title: 'Secret', '__Never publish': '1' } },
    { id: FIXTURE.hiddenChild, parentId: FIXTURE.hidden, name: 'Hidden Child', templateId: FIXTURE.sampleTemplate, templateName: 'Sample Item', fields: { Title: 'Secret child' } },
    { id: FIXTURE.mediaLibrary, parentId: FIXTURE.sitecore, name: 'media library', templateId: FIXTURE.mediaFolderTemplate, templateName: 'Media folder' },
    { id: FIXTURE.images, parentId: FIXTURE.mediaLibrary, name: 'Images', templateId: FIXTURE.mediaFolderTemplate, templateName: 'Media folder' },
    {
      id: FIXTURE.hero, parentId: FIXTURE.images, name: 'hero', templateId: FIXTURE.imageTemplate, templateName: 'Jpeg',
      fields: { Alt: 'Hero image', Extension: 'jpg', 'Mime Type': 'image/jpeg', Size: '345678', Width: '1600', Height: '900' },
    },
    { id: FIXTURE.templatesRoot, parentId: FIXTURE.sitecore, name: 'templates', templateId: FIXTURE.folderTemplate, templateName: 'Folder' },
    { id: FIXTURE.layoutRoot, parentId: FIXTURE.sitecore, name: 'layout', templateId: FIXTURE.folderTemplate, templateName: 'Folder' },
    { id: FIXTURE.heroRendering, parentId: FIXTURE.layoutRoot, name: 'Hero', templateId: gid(91), templateName: 'Json Rendering' },
  ];
  return createMemoryEdgeSource({
    items,
    templates: [
      { id: FIXTURE.sampleTemplate, name: 'Sample Item', baseTemplateIds: [], ownFields: [{ name: 'Title', type: 'Single-Line Text' }, { name: 'Text', type: 'Rich Text' }] },
      { id: FIXTURE.seoTemplate, name: '_Seo', baseTemplateIds: [], ownFields: [{ name: 'Meta Title', type: 'Single-Line Text', section: 'SEO' }] },
      {
        id: FIXTURE.articleTemplate, name: 'Article', baseTemplateIds: [FIXTURE.seoTemplate],
        ownFields: [
          { name: 'Title', type: 'Single-Line Text' }, { name: 'Body', type: 'Rich Text' },
          { name: 'Related', type: 'Multilist' }, { name: 'Image', type: 'Image' },
        ],
      },
    ],
    sites: [{ name: 'website', startPath: '/sitecore/content/Home', hostName: 'www.example.test' }],
  });
}
