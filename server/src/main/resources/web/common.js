// Shared helpers. Every name from a results file reaches the page through textContent, never as HTML.
const Pitwall = {
  async get(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return response.json();
  },

  /** An element with attributes and children; strings become text nodes. */
  el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  },

  /** A country's three-letter code for compact tables. */
  countryCode(country) {
    const known = {'United States': 'USA', 'USA': 'USA', 'United Kingdom': 'GBR', 'Netherlands': 'NED', 'Japan': 'JPN',
      'Italy': 'ITA', 'Spain': 'ESP', 'France': 'FRA', 'Chile': 'CHI', 'Brazil': 'BRA', 'Australia': 'AUS', 'Germany': 'GER'};
    if (!country) return '';
    return known[country] || country.slice(0, 3).toUpperCase();
  },
};
