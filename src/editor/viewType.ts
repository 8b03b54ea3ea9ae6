/** The custom editor's view type, as package.json declares it. */
export const VIEW_TYPE = 'hugefile.editor';
