/**
 * The CSS variables VS Code injects into a webview, for its default Dark Modern and
 * Light Modern themes (the subset the viewer uses, plus the font settings VS Code sets
 * on Linux). VS Code sets them on <html style> and a theme class on <body>; so do we,
 * through the CSSOM, which the page's CSP allows.
 */

const common: Record<string, string> = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  '--vscode-editor-font-size': '14px',
  '--vscode-editor-font-weight': 'normal',
};

const dark: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-editorLineNumber-activeForeground': '#cccccc',
  '--vscode-editor-selectionBackground': '#264f78',
  '--vscode-editor-inactiveSelectionBackground': '#3a3d41',
  '--vscode-editor-lineHighlightBorder': '#282828',
  '--vscode-editorCursor-foreground': '#aeafad',
  '--vscode-editorWhitespace-foreground': 'rgba(227, 228, 226, 0.16)',
  '--vscode-editorOverviewRuler-border': '#010409',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editor-findMatchBackground': '#9e6a03',
  '--vscode-editor-findMatchHighlightBackground': 'rgba(234, 92, 0, 0.33)',
  '--vscode-editorWidget-border': '#313131',
  '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
  '--vscode-list-activeSelectionBackground': '#04395e',
  '--vscode-list-activeSelectionForeground': '#ffffff',
  '--vscode-list-inactiveSelectionBackground': '#37373d',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-border': '#3c3c3c',
  '--vscode-dropdown-foreground': '#cccccc',
  '--vscode-panel-background': '#181818',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-errorForeground': '#f85149',
  '--vscode-scrollbar-shadow': '#000000',
  '--vscode-scrollbarSlider-background': 'rgba(121, 121, 121, 0.4)',
  '--vscode-scrollbarSlider-hoverBackground': 'rgba(100, 100, 100, 0.7)',
  '--vscode-scrollbarSlider-activeBackground': 'rgba(191, 191, 191, 0.4)',
  '--vscode-breadcrumb-foreground': '#9d9d9d',
  '--vscode-breadcrumb-focusForeground': '#e0e0e0',
  '--vscode-breadcrumb-background': '#1f1f1f',
  '--vscode-toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)',
  '--vscode-inputOption-activeBackground': 'rgba(36, 137, 219, 0.51)',
  '--vscode-inputOption-activeBorder': '#2488db',
  '--vscode-inputOption-activeForeground': '#ffffff',
  '--vscode-progressBar-background': '#0078d4',
  '--vscode-notifications-background': '#1f1f1f',
  '--vscode-notifications-foreground': '#cccccc',
  '--vscode-notifications-border': '#2b2b2b',
  '--vscode-notificationsInfoIcon-foreground': '#3794ff',
  '--vscode-notificationsWarningIcon-foreground': '#cca700',
  '--vscode-notificationsErrorIcon-foreground': '#f14c4c',
  '--vscode-inputValidation-infoBackground': '#063b49',
  '--vscode-inputValidation-infoBorder': '#007acc',
  '--vscode-inputValidation-warningBackground': '#352a05',
  '--vscode-inputValidation-warningBorder': '#b89500',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-inputValidation-errorBorder': '#be1100',
};

const light: Record<string, string> = {
  '--vscode-foreground': '#3b3b3b',
  '--vscode-descriptionForeground': '#3b3b3b',
  '--vscode-focusBorder': '#005fb8',
  '--vscode-editor-background': '#ffffff',
  '--vscode-editor-foreground': '#3b3b3b',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-editorLineNumber-activeForeground': '#171184',
  '--vscode-editor-selectionBackground': '#add6ff',
  '--vscode-editor-inactiveSelectionBackground': '#e5ebf1',
  '--vscode-editor-lineHighlightBorder': '#eeeeee',
  '--vscode-editorCursor-foreground': '#000000',
  '--vscode-editorWhitespace-foreground': 'rgba(51, 51, 51, 0.2)',
  '--vscode-editorOverviewRuler-border': '#e5e5e5',
  '--vscode-editorWidget-background': '#f8f8f8',
  '--vscode-editor-findMatchBackground': '#a8ac94',
  '--vscode-editor-findMatchHighlightBackground': 'rgba(234, 92, 0, 0.33)',
  '--vscode-editorWidget-border': '#e5e5e5',
  '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
  '--vscode-list-activeSelectionBackground': '#e8e8e8',
  '--vscode-list-activeSelectionForeground': '#000000',
  '--vscode-list-inactiveSelectionBackground': '#e4e6f1',
  '--vscode-list-hoverBackground': '#f2f2f2',
  '--vscode-dropdown-background': '#ffffff',
  '--vscode-dropdown-border': '#cecece',
  '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-panel-background': '#f8f8f8',
  '--vscode-panel-border': '#e5e5e5',
  '--vscode-errorForeground': '#f85149',
  '--vscode-scrollbar-shadow': '#dddddd',
  '--vscode-scrollbarSlider-background': 'rgba(100, 100, 100, 0.4)',
  '--vscode-scrollbarSlider-hoverBackground': 'rgba(100, 100, 100, 0.7)',
  '--vscode-scrollbarSlider-activeBackground': 'rgba(0, 0, 0, 0.6)',
  '--vscode-breadcrumb-foreground': 'rgba(59, 59, 59, 0.8)',
  '--vscode-breadcrumb-focusForeground': '#2f2f2f',
  '--vscode-breadcrumb-background': '#ffffff',
  '--vscode-toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
  '--vscode-inputOption-activeBackground': '#bed6ed',
  '--vscode-inputOption-activeBorder': '#005fb8',
  '--vscode-inputOption-activeForeground': '#000000',
  '--vscode-progressBar-background': '#005fb8',
  '--vscode-notifications-background': '#ffffff',
  '--vscode-notifications-foreground': '#3b3b3b',
  '--vscode-notifications-border': '#e5e5e5',
  '--vscode-notificationsInfoIcon-foreground': '#1a85ff',
  '--vscode-notificationsWarningIcon-foreground': '#bf8803',
  '--vscode-notificationsErrorIcon-foreground': '#e51400',
  '--vscode-inputValidation-infoBackground': '#d6ecf2',
  '--vscode-inputValidation-infoBorder': '#007acc',
  '--vscode-inputValidation-warningBackground': '#f6f5d2',
  '--vscode-inputValidation-warningBorder': '#b89500',
  '--vscode-inputValidation-errorBackground': '#f2dede',
  '--vscode-inputValidation-errorBorder': '#be1100',
};

export function applyTheme(kind: 'dark' | 'light'): void {
  const vars = { ...common, ...(kind === 'dark' ? dark : light) };
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
  const apply = () => {
    document.body.classList.remove('vscode-dark', 'vscode-light');
    document.body.classList.add(`vscode-${kind}`);
    document.body.dataset.vscodeThemeKind = `vscode-${kind}`;
  };
  if (document.body) apply();
  else document.addEventListener('DOMContentLoaded', apply);
}
