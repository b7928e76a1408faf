// The list of championships on the front page.
(async () => {
  const list = document.getElementById('championships');
  try {
    const championships = await Pitwall.get('/api/championships');
    list.replaceChildren(...championships.map(c => Pitwall.el('li', {},
      Pitwall.el('a', {href: '/c/' + encodeURIComponent(c.id)}, c.name),
      Pitwall.el('span', {class: 'muted'}, ' revision ' + c.revision))));
    if (championships.length === 0) list.replaceChildren(Pitwall.el('li', {}, 'No championships yet.'));
  } catch (e) {
    list.replaceChildren(Pitwall.el('li', {role: 'alert'}, 'Could not load the championships: ' + e.message));
  }
})();
