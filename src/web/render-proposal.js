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

  function cost(estimate) {
    if (!estimate) return section('Cost', el('p', { class: 'muted' }, 'No estimate.'));
    const by = Object.entries(estimate.byComponent || {});
    return section(
      'Cost',
      el('p', { class: 'cost' }, `${IC.money(estimate.monthlyTotal, estimate.currency)} per month`),
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

  /** The diff: summary, then resources with destroys and replacements first. */
  function diff(d) {
    if (!d) return section('Changes', el('p', { class: 'muted' }, 'No diff.'));
    const resources = [...(d.resources || [])].sort(
      (a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action),
    );
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
      resources.length === 0
        ? null
        : el(
            'ul',
            { class: 'resources' },
            resources.map((r) =>
              el(
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
              ),
            ),
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
        ? el('p', {}, `Cost: ${IC.money(d.cost.monthlyBefore)} → ${IC.money(d.cost.monthlyAfter)} per month`)
        : null,
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

  IC.render = { components, cost, findings, diff, diagram, template, section };
})();
