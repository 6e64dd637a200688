// typedoc prints a ```mermaid block of README.md and docs/ as code (typedoc.json: ignoredHighlightLanguages);
// this page script, copied in as typedoc's customJs, draws each one with mermaid, as GitHub does, loaded only
// on pages that have a diagram. Without the network the diagram's source stays readable as it is.
(() => {
  const blocks = [...document.querySelectorAll('pre > code.mermaid')];
  if (blocks.length === 0) return;
  import('https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs').then(({ default: mermaid }) => {
    const dark = document.documentElement.dataset.theme === 'dark';
    mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default' });
    const nodes = blocks.map((code) => {
      const diagram = document.createElement('div');
      diagram.className = 'mermaid';
      diagram.textContent = code.textContent;
      code.parentElement.replaceWith(diagram);
      return diagram;
    });
    return mermaid.run({ nodes });
  });
})();
