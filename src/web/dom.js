// DOM helpers for the web page. Everything from the API goes in as text (createElement, textContent),
// never as markup. A classic script: the files share one global, `window.IC`.
(() => {
  const IC = window.IC || {};
  window.IC = IC;

  /** el('p', { class: 'muted' }, 'text', child, [more]): an element; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'hidden' || key === 'disabled' || key === 'checked' || key === 'value') node[key] = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replaces the children of `node`. */
  function replace(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  /** A form field: a label tied to its control, with an optional hint. */
  function field(label, control, hint) {
    const id = control.id || `f-${Math.random().toString(36).slice(2, 10)}`;
    control.id = id;
    const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
    return el('div', { class: 'field' }, el('label', { for: id }, label), control, hintNode);
  }

  /** A select with [value, label] options. */
  function select(name, options, selected) {
    return el(
      'select',
      { name },
      options.map(([value, label]) => el('option', { value, selected: value === selected }, label)),
    );
  }

  const money = (amount, currency) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD' }).format(amount);

  function when(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
  }

  /** "3 h ago" style age of an ISO time. */
  function age(iso) {
    const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
    if (minutes < 60) return `${minutes} min ago`;
    if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
    return `${Math.round(minutes / 1440)} days ago`;
  }

  /** "1 turn", "3 turns". */
  function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  }

  /** A region for the outcome of one action: a status line or an error. */
  function statusArea() {
    return el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  }

  function showOk(area, ...children) {
    area.className = 'status ok';
    replace(area, ...children);
  }

  function showError(area, error) {
    area.className = 'status';
    replace(area, problemView(error));
  }

  /** An API error (problem+json) as a person reads it: title, detail, field errors, blocking findings. */
  function problemView(error) {
    const problem = error?.problem || { title: 'Something went wrong', detail: String(error) };
    const box = el(
      'div',
      { class: 'problem', role: 'alert' },
      el(
        'p',
        { class: 'problem-title' },
        problem.title || 'Request failed',
        error.status ? ` (${error.status})` : '',
      ),
      problem.detail ? el('p', {}, problem.detail) : null,
    );
    if (Array.isArray(problem.errors) && problem.errors.length > 0) {
      box.append(
        el(
          'ul',
          { class: 'field-errors' },
          problem.errors.map((e) =>
            el('li', {}, el('code', {}, e.path || '(request)'), ': ', e.message || ''),
          ),
        ),
      );
    }
    if (Array.isArray(problem.findings) && problem.findings.length > 0) {
      box.append(
        el('p', {}, 'Fix or waive these first:'),
        el(
          'ul',
          { class: 'field-errors' },
          problem.findings.map((f) =>
            el(
              'li',
              {},
              el('code', {}, f.ruleId || ''),
              f.component ? ` on ${f.component}` : '',
              `: ${f.message || ''}`,
            ),
          ),
        ),
      );
    }
    if (problem.requestId) box.append(el('p', { class: 'muted small' }, `Request id: ${problem.requestId}`));
    return box;
  }

  /** Disables a button while `work` runs. */
  async function busy(button, label, work) {
    const before = button.textContent;
    button.disabled = true;
    button.textContent = label;
    try {
      return await work();
    } finally {
      button.disabled = false;
      button.textContent = before;
    }
  }

  Object.assign(IC, {
    el,
    append,
    replace,
    field,
    select,
    money,
    when,
    age,
    count,
    statusArea,
    showOk,
    showError,
    problemView,
    busy,
  });
})();
