/**
 * IDs that are the same on every Sitecore instance (canonical spelling). Sources:
 * reference §1.6, Sitecore.Kernel's ItemIDs/TemplateIDs as quoted in public code,
 * and the workflow IDs of the stock Sample Workflow.
 */
export const ITEM_IDS = {
  root: '11111111-1111-1111-1111-111111111111',
  content: '0de95ae4-41ab-4d01-9eb0-67441b7c2450',
  home: '110d559f-dea5-42ea-9c1c-8a5df7e70ef9',
  layoutRoot: 'eb2e4ffd-2761-4653-b052-26a64d385227',
  devices: 'e18f4bc6-46a2-4842-898b-b6613733f06f',
  defaultDevice: 'fe5d7fdf-89c0-4d99-9aa3-b5fbd009c9f3',
  layouts: '75cc5ce4-8979-4008-9d3c-806477d57619',
  renderings: '32566f0e-7686-45f1-a12f-d7260bd78bc3',
  placeholderSettings: '1ce3b36c-9b0c-4eb5-a996-bfcb4eaa5287',
  sampleLayout: '14030e9f-ce92-49c6-ad87-7d49b50e42ea',
  sampleRendering: '493b3a83-0fa7-4484-8fc9-4680991cf743',
  mediaLibrary: '3d6658d8-a0bf-4e75-b3e2-d050fabcf4e1',
  system: '13d6d6c6-c50b-4bbd-b331-2b04f1a58f21',
  languages: '64c4f646-a3fa-4205-b98e-4de2c609b60f',
  workflows: '05592656-56d7-4d85-aacf-30919ee494f9',
  sampleWorkflow: 'a5bc37e7-ed96-4c1e-8590-a26e64db55ea',
  stateDraft: '190b1c84-f1be-47ed-aa41-f42193d9c8fc',
  stateAwaitingApproval: '46da5376-10dc-4b66-b464-afdaa29de84f',
  stateApproved: 'fca998c5-0cc3-4f91-94d8-0a4e6caece88',
  commandSubmit: 'cf6a557d-0b86-4432-bf47-302a18238e74',
  commandApprove: 'f744cc9c-4bb1-4b38-8d5c-1e9ce7f45d2d',
  commandReject: 'e44f2d64-1eed-42ff-a7da-c07b834096ac',
  templates: '3c1715fe-6a13-4fcf-845f-de308ba9741d',
  templatesFoundation: 'b26bd035-8d0a-4df3-8f67-2de3c7fdd74a',
  templatesFeature: '8f343079-3cc5-4ef7-bc27-32addb46f45e',
  templatesProject: '825b30b4-b40b-422e-9920-23a1b6bda89c',
  templatesUserDefined: 'b29ee504-861c-492f-95a3-0d890b6fca09',
  branches: 'bad98e0e-c1b5-4598-ac13-21b06218b30c',
} as const;

export const TEMPLATE_IDS = {
  root: 'c6576836-910c-4a3d-ba03-c277dbd3b827',
  standardTemplate: '1930bbeb-7805-471a-a3be-4858ac7cf696',
  template: 'ab86861a-6030-46c5-b394-e8f99e8b87db',
  templateSection: 'e269fbb5-3750-427a-9149-7aa950b49301',
  templateField: '455a3e98-a627-4b40-8035-e683a0331ac7',
  templateFolder: '0437fee2-44c9-46a6-abe9-28858d9fee8c',
  folder: 'a87a00b1-e6db-45ab-8b54-636fec3b5523',
  mainSection: 'e3e2d58c-df95-4230-adc9-279924cece84',
  node: '239f9cf4-e5a0-44e0-b342-0f32cd4c6d8b',
  sampleItem: '76036f5e-cbce-46d1-af0a-4143f9b557aa',
  mediaFolder: 'fe5dd826-48c6-436d-b87a-7c4210c7413b',
  /**
   * The folders an item bucket makes on its own (by default year/month/day/hour/minute of creation):
   * Sitecore.Buckets' container template, `Config.ContainerTemplateId` in public bucket code.
   */
  bucketFolder: 'adb6ca4f-03ef-4f47-b9ac-9ce2ba53ff97',
  unversionedImage: 'f1828a2c-7e5d-4bbd-98ca-320474871548',
  unversionedJpeg: 'daf085e8-602e-43a6-8299-038ff171349f',
  unversionedFile: '962b53c4-f93b-4df9-9821-415c867b8903',
  viewRendering: '99f8905d-4a87-4eb8-9f8b-a9bebfb3add6',
  controllerRendering: '2a3e91a0-7987-44b5-ab34-35c2d9de83b9',
  layout: '3a45a723-64ee-4919-9d41-02fd40fd1466',
  device: 'b6f7eeb4-e8d7-476f-8936-5ace6a76f20b',
  workflow: '1c0acc50-37be-4742-b43c-96a07a7410a5',
  workflowState: '4b7e2da9-de43-4c83-88c3-02f042031d04',
  workflowCommand: 'cb01f9fc-c187-46b3-ab0b-97a8468d8303',
  language: 'f68f13a6-3395-426a-b9a1-fa2dc60d94eb',
  dictionaryEntry: '6d1cd897-1936-4a3a-a511-289a94c2a7b1',
  apiKey: 'a6868d65-d612-401f-a40a-cd5ba0857b81',
} as const;
