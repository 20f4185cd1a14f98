// Renders a proposal (or a change request snapshot): components, cost, findings, diff, diagram, template.
(() => {
  const IC = window.IC;
  const { el } = IC;

  function section(title, ...children) {
    return el('section', { class: 'panel' }, el('h3', {}, title), ...children);
  }

  function paramsText(params) {
    const entries = Object.entries(params || {});
    return entries.length === 0
      ? ''
      : ` (${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})`;
  }

  function components(architecture) {
    const list = architecture?.components || [];
    const links = architecture?.connections || [];
    if (list.length === 0) return section('Components', el('p', { class: 'muted' }, 'No components yet.'));
    return section(
      'Components',
      el(
        'p',
        { class: 'muted' },
        `${architecture.name || 'app'} · ${architecture.environment || 'no environment'} · team ${architecture.team || 'none'} · ${architecture.region || ''}`,
      ),
      el(
        'ul',
        { class: 'components' },
        list.map((c) => el('li', {}, el('strong', {}, c.id), ` ${c.kind}`, paramsText(c.params))),
      ),
      links.length === 0
        ? null
        : el(
            'ul',
            { class: 'connections', 'aria-label': 'Connections' },
            links.map((c) => el('li', {}, `${c.from} → ${c.to} (${c.access})`)),
          ),
    );
  }

  /** What has no price, named: the cost is then unknown, never the lower sum of what could be priced. */
  function unpricedList(unpriced) {
    return el(
      'ul',
      { class: 'unpriced' },
      unpriced.map((u) => el('li', {}, u)),
    );
  }

  /** `$12.34 per month`, or `unknown` when something has no price (older estimates: a number). */
  function monthly(value, unpriced) {
    return value === null || value === undefined || (unpriced || []).length > 0
      ? 'unknown'
      : `${IC.money(value)} per month`;
  }

  function cost(estimate) {
    if (!estimate) return section('Cost', el('p', { class: 'muted' }, 'No estimate.'));
    const by = Object.entries(estimate.byComponent || {});
    const unpriced = estimate.unpriced || [];
    return section(
      'Cost',
      el('p', { class: 'cost' }, monthly(estimate.monthlyTotal, unpriced)),
      unpriced.length > 0
        ? el(
            'div',
            { class: 'warning-box' },
            el('p', {}, `Unknown: ${unpriced.length} resource(s) have no price, so no total is shown.`),
            unpricedList(unpriced),
          )
        : null,
      by.length === 0
        ? null
        : el(
            'ul',
            {},
            by.map(([id, amount]) => el('li', {}, `${id}: ${IC.money(amount, estimate.currency)}`)),
          ),
    );
  }

  const SEVERITIES = [
    ['error', 'Errors'],
    ['warning', 'Warnings'],
    ['info', 'Info'],
  ];

  function finding(f) {
    return el(
      'li',
      { class: `finding ${f.severity}` },
      el(
        'p',
        {},
        el('code', {}, f.ruleId),
        f.status === 'unknown' ? ' (could not be evaluated)' : '',
        ` ${f.title || ''}`,
      ),
      el(
        'p',
        { class: 'small' },
        [f.component && `component ${f.component}`, f.resource && `resource ${f.resource}`]
          .filter(Boolean)
          .join(' · '),
      ),
      el('p', {}, f.message),
      f.remediation ? el('p', { class: 'small' }, `Fix: ${f.remediation}`) : null,
    );
  }

  /** Findings grouped by severity, then the waived ones and what was fixed automatically. */
  function findings(list, fixesApplied) {
    const all = list || [];
    const open = all.filter((f) => f.status !== 'waived');
    const waived = all.filter((f) => f.status === 'waived');
    const fixes = fixesApplied || [];
    const body = [];
    for (const [severity, title] of SEVERITIES) {
      const group = open.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      body.push(
        el('h4', { class: severity }, `${title} (${group.length})`),
        el('ul', { class: 'findings' }, group.map(finding)),
      );
    }
    if (waived.length > 0) {
      body.push(
        el('h4', {}, `Waived (${waived.length})`),
        el('ul', { class: 'findings' }, waived.map(finding)),
      );
    }
    if (fixes.length > 0) {
      body.push(
        el('h4', {}, `Fixed automatically (${fixes.length})`),
        el(
          'ul',
          { class: 'fixes' },
          fixes.map((x) => el('li', {}, el('code', {}, x.ruleId), ` on ${x.target}: ${x.description}`)),
        ),
      );
    }
    if (body.length === 0) body.push(el('p', {}, 'No findings.'));
    return section('Findings', ...body);
  }

  const ACTIONS = {
    destroy: 'Destroy',
    replace: 'Replace',
    may_replace: 'May replace',
    orphan: 'Orphan (left in AWS, no longer managed)',
    update: 'Update',
    create: 'Create',
  };
  const ORDER = ['destroy', 'replace', 'may_replace', 'orphan', 'update', 'create'];

  const DANGEROUS = ['destroy', 'replace', 'may_replace', 'orphan'];

  function resourceItem(r) {
    return el(
      'li',
      { class: `action-${r.action}` },
      el('span', { class: 'action' }, ACTIONS[r.action] || r.action),
      ' ',
      el('strong', {}, r.logicalId),
      ` ${r.type}`,
      r.component ? ` (component ${r.component})` : '',
      r.stateful && (r.action === 'destroy' || r.action === 'replace' || r.action === 'may_replace')
        ? el('span', { class: 'danger' }, ' holds data')
        : null,
      r.action === 'replace' || r.action === 'may_replace'
        ? el(
            'ul',
            { class: 'small' },
            (r.properties || [])
              .filter((p) => p.replacement !== 'never')
              .map((p) => el('li', {}, `${p.path}: ${p.reason}`)),
          )
        : null,
    );
  }

  /**
   * The diff: summary, destroys and replacements always in view, the other resources folded (a proposal
   * stays short; open the list to read it).
   */
  function diff(d) {
    if (!d) return section('Changes', el('p', { class: 'muted' }, 'No diff.'));
    const resources = [...(d.resources || [])].sort(
      (a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action),
    );
    const dangerous = resources.filter((r) => DANGEROUS.includes(r.action));
    const others = resources.filter((r) => !DANGEROUS.includes(r.action));
    const iam = d.iam?.statements || [];
    return section(
      'Changes',
      el('p', { class: 'summary-line' }, d.summaryLine, d.newStack ? ' (new stack)' : ''),
      d.permissionsBroadened
        ? el(
            'div',
            { class: 'warning-box' },
            el('p', {}, 'Permissions broadened:'),
            el(
              'ul',
              {},
              (d.permissionsBroadenedReasons || []).map((r) => el('li', {}, r)),
            ),
          )
        : null,
      dangerous.length === 0 ? null : el('ul', { class: 'resources' }, dangerous.map(resourceItem)),
      others.length === 0
        ? null
        : el(
            'details',
            { class: 'resource-list' },
            el('summary', {}, `${others.length} resource(s) to add or change: show the list`),
            el('ul', { class: 'resources' }, others.map(resourceItem)),
          ),
      iam.length === 0
        ? null
        : el(
            'details',
            {},
            el('summary', {}, `IAM statements (${iam.length})`),
            el(
              'ul',
              {},
              iam.map((s) =>
                el(
                  'li',
                  {},
                  `${s.change === 'added' ? '+' : '−'} ${s.effect} ${s.actions.join(', ')} on ${s.resources.join(', ')}`,
                ),
              ),
            ),
          ),
      d.cost
        ? el(
            'p',
            {},
            `Cost: ${monthly(d.cost.monthlyBefore, d.cost.unpriced?.before)} → ${monthly(d.cost.monthlyAfter, d.cost.unpriced?.after)}`,
          )
        : null,
      d.cost && (d.cost.unpriced?.after || []).length > 0 ? unpricedList(d.cost.unpriced.after) : null,
      d.unifiedDiff
        ? el(
            'details',
            {},
            el('summary', {}, 'Template changes (unified diff)'),
            el('pre', {}, d.unifiedDiff),
          )
        : null,
    );
  }

  /** The diagram as an <img> of the server's SVG: an image never runs script. */
  function diagram(conversationId, proposalId, architecture) {
    const names = (architecture?.components || []).map((c) => c.id).join(', ');
    const holder = el('div', { class: 'diagram' }, el('p', { class: 'muted' }, 'Loading the diagram…'));
    IC.api('GET', `/ui/diagram/${encodeURIComponent(conversationId)}/${encodeURIComponent(proposalId)}`).then(
      (svg) => {
        const img = el('img', {
          alt: `Architecture diagram: ${names || 'no components'}`,
          src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
        });
        IC.replace(holder, img);
      },
      (error) => IC.replace(holder, IC.problemView(error)),
    );
    return section('Diagram', holder);
  }

  function template(yaml) {
    return section(
      'Template',
      el(
        'details',
        { class: 'template' },
        el('summary', {}, 'Show the CloudFormation template (YAML)'),
        el('pre', {}, yaml || ''),
      ),
    );
  }

  const VERB = { create: 'add', update: 'change', replace: 'replace', may_replace: 'may replace', destroy: 'destroy', orphan: 'orphan' };

  /** What changed between two revisions: components, resources, findings, cost. */
  function revisionDiff(rd) {
    const value = (v) => (v === null ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
    const list = (items, empty) => (items.length === 0 ? el('p', { class: 'muted' }, empty) : el('ul', {}, items));
    return el(
      'div',
      { class: 'revision-diff' },
      el('h4', {}, 'Components'),
      list(
        rd.components.map((c) =>
          el(
            'li',
            { class: `change-${c.change}` },
            `${c.change} ${c.id} (${c.kind})`,
            c.params.length > 0 ? `: ${c.params.map((p) => `${p.name} ${value(p.before)} → ${value(p.after)}`).join(', ')}` : '',
          ),
        ),
        'No component changed.',
      ),
      el('h4', {}, `Resources (${rd.resources.summaryLine})`),
      list(rd.resources.changes.map((r) => el('li', {}, `${VERB[r.action] || r.action} ${r.logicalId} (${r.type})`)), 'No resource changed.'),
      el('h4', {}, 'Findings'),
      list(
        [
          ...rd.findings.added.map((f) => el('li', { class: `finding ${f.severity}` }, `new ${f.severity} ${f.ruleId}${f.subject ? ` on ${f.subject}` : ''}: ${f.message}`)),
          ...rd.findings.resolved.map((f) => el('li', {}, `resolved ${f.ruleId}${f.subject ? ` on ${f.subject}` : ''}`)),
        ],
        'No finding changed.',
      ),
      el('h4', {}, 'Cost'),
      el(
        'p',
        {},
        `${monthly(rd.cost.before.monthly, rd.cost.before.unpriced)} → ${monthly(rd.cost.after.monthly, rd.cost.after.unpriced)}`,
        rd.cost.delta === null ? '' : ` (${rd.cost.delta >= 0 ? '+' : '−'}${IC.money(Math.abs(rd.cost.delta))})`,
      ),
      rd.cost.after.unpriced.length > 0 ? unpricedList(rd.cost.after.unpriced) : null,
    );
  }

  IC.render = { components, cost, findings, diff, diagram, template, section, revisionDiff };
})();
