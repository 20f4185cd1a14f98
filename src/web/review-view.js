// Reviewer views: the review queue with its filters, and one change request with its review actions.
(() => {
  const IC = window.IC;
  const { el, field } = IC;

  const STATES = IC.changeRequestStates; // served by the API from its own list (web-plugin.ts)
  const STATUS_OPTIONS = [['', 'Waiting for review']]
    .concat(STATES.map((s) => [s, s.replace('_', ' ')]))
    .concat([['all', 'Any state']]);
  const RISKS = [
    ['', 'Any risk'],
    ['low', 'low'],
    ['high', 'high'],
  ];

  /** The queue filters survive moving to a request and back. */
  const filters = { status: '', team: '', risk: '' };

  async function queue(root) {
    const status = IC.select('status', STATUS_OPTIONS, filters.status);
    const team = el('input', { name: 'team', type: 'text', autocomplete: 'off', value: filters.team });
    const risk = IC.select('risk', RISKS, filters.risk);
    const form = el(
      'form',
      { class: 'filters', 'aria-label': 'Filters' },
      field('Status', status),
      field('Team', team),
      field('Risk', risk),
      el('button', { type: 'submit' }, 'Apply filters'),
    );
    const results = el('div', { 'aria-live': 'polite' });
    IC.replace(
      root,
      el('h1', {}, 'Review queue'),
      el('p', { class: 'muted' }, 'Oldest first.'),
      form,
      results,
    );

    const load = async (cursor, into) => {
      const page = await IC.api(
        'GET',
        `/v1/review/queue${IC.query({
          status: filters.status === 'all' ? STATES.join(',') : filters.status,
          team: filters.team,
          risk: filters.risk,
          cursor,
        })}`,
      );
      into.append(IC.views.changeRequestList(page.items, cursor ? 'No more.' : 'Nothing waiting.'));
      if (page.nextCursor) {
        const more = el('button', { type: 'button', class: 'secondary' }, 'Load more');
        more.addEventListener('click', () => {
          more.remove();
          load(page.nextCursor, into).catch((error) => into.append(IC.problemView(error)));
        });
        into.append(more);
      }
    };
    const refresh = () => {
      IC.replace(results, el('p', {}, 'Loading…'));
      const into = el('div');
      load(undefined, into).then(
        () => IC.replace(results, into),
        (error) => IC.replace(results, IC.problemView(error)),
      );
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      filters.status = status.value;
      filters.team = team.value.trim();
      filters.risk = risk.value;
      refresh();
    });
    refresh();
  }

  function approvals(cr) {
    const s = cr.approvals.status;
    return IC.render.section(
      'Approvals',
      el(
        'p',
        {},
        `${s.approvals} of ${s.required.approvals} approvals`,
        s.required.policyAdminApprovals > 0
          ? `, ${s.policyAdminApprovals} of ${s.required.policyAdminApprovals} from a policy admin`
          : '',
        s.satisfied ? ' (enough)' : '',
      ),
      s.missing.length > 0 ? el('p', { class: 'small' }, `Missing: ${s.missing.join(', ')}`) : null,
      cr.approvals.records.length === 0
        ? el('p', { class: 'muted' }, 'No approvals yet.')
        : el(
            'ul',
            { class: 'approvals' },
            cr.approvals.records.map((a) =>
              el('li', {}, `${a.approverName}${a.policyAdmin ? ' (policy admin)' : ''}, ${IC.when(a.at)}`),
            ),
          ),
    );
  }

  function comments(cr, onChange) {
    const body = el('textarea', { name: 'comment', rows: 2 });
    const button = el('button', { type: 'submit', class: 'secondary' }, 'Comment');
    const status = IC.statusArea();
    const form = el('form', { 'aria-label': 'Add a comment' }, field('Comment', body), button, status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const updated = await IC.busy(button, 'Sending…', () =>
          IC.api('POST', `/v1/change-requests/${cr.id}/comments`, { body: body.value }),
        );
        onChange(updated, 'Comment added.');
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return IC.render.section(
      'Comments',
      cr.comments.length === 0
        ? el('p', { class: 'muted' }, 'No comments.')
        : el(
            'ul',
            { class: 'comments' },
            cr.comments.map((c) =>
              el(
                'li',
                {},
                el(
                  'p',
                  { class: 'small' },
                  `${c.author.name} · ${c.kind.replace('_', ' ')} · revision ${c.revision} · ${IC.when(c.at)}`,
                ),
                el('p', {}, c.body),
              ),
            ),
          ),
      form,
    );
  }

  function events(cr, me) {
    const holder = el('div', {}, el('p', {}, 'Loading…'));
    if (!IC.hasRole(me, 'reviewer')) {
      IC.replace(holder, el('p', { class: 'muted' }, 'The audit trail is for reviewers.'));
    } else {
      IC.api(
        'GET',
        `/v1/audit${IC.query({ subjectType: 'change_request', subjectId: cr.id, limit: 100 })}`,
      ).then(
        (page) =>
          IC.replace(
            holder,
            page.entries.length === 0
              ? el('p', { class: 'muted' }, 'No events.')
              : el(
                  'ol',
                  { class: 'events' },
                  page.entries
                    .slice()
                    .reverse()
                    .map((e) => el('li', {}, `${IC.when(e.at)}: ${e.action} by ${e.actor.name}`)),
                ),
          ),
        (error) => IC.replace(holder, IC.problemView(error)),
      );
    }
    return IC.render.section('Events', holder);
  }

  /**
   * Approve, Request changes, Reject, below the diff they decide on: each sends the version and revision read,
   * so a decision on a page older than a new revision is refused (409) instead of approving what was not seen.
   */
  function actions(cr, onChange) {
    const reason = el('textarea', { name: 'reason', rows: 2 });
    const status = IC.statusArea();
    const buttons = [];
    const act = (label, path, busyLabel, needsReason) => {
      const button = el('button', { type: 'button', class: path === 'approve' ? '' : 'secondary' }, label);
      button.addEventListener('click', async () => {
        const body = { expectedVersion: cr.version, expectedRevision: cr.revision };
        if (!needsReason && reason.value.trim()) body.comment = reason.value.trim();
        if (needsReason) {
          if (!reason.value.trim()) {
            IC.showError(
              status,
              new IC.ApiError({ title: `${label} needs a reason`, detail: 'Write the reason above.' }, 0),
            );
            reason.focus();
            return;
          }
          body.reason = reason.value.trim();
        }
        try {
          const updated = await IC.busy(button, busyLabel, () =>
            IC.api('POST', `/v1/change-requests/${cr.id}/${path}`, body),
          );
          onChange(updated, `${label}: done. The request is now ${updated.state.replace('_', ' ')}.`);
        } catch (error) {
          IC.showError(status, error);
        }
      });
      buttons.push(button);
    };
    act('Approve', 'approve', 'Approving…', false);
    act('Request changes', 'request-changes', 'Sending…', true);
    act('Reject', 'reject', 'Rejecting…', true);
    return el(
      'section',
      { class: 'panel', 'aria-labelledby': 'review-heading' },
      el('h2', { id: 'review-heading' }, `Review revision ${cr.revision}`),
      field('Reason or comment (needed to request changes or reject; optional with an approval)', reason),
      el('div', { class: 'buttons' }, buttons),
      status,
    );
  }

  async function changeRequest(root, me, id, notice) {
    IC.replace(root, el('p', {}, 'Loading…'));
    const cr = await IC.api('GET', `/v1/change-requests/${encodeURIComponent(id)}`);
    const onChange = (_updated, message) =>
      changeRequest(root, me, id, message).catch((error) => IC.replace(root, IC.problemView(error)));
    const snap = cr.snapshot;
    const reviewable = ['approve', 'request_changes', 'reject'].some((a) => cr.allowedActions.includes(a));
    IC.replace(
      root,
      IC.hasRole(me, 'reviewer', 'policy_admin')
        ? el('p', {}, el('a', { href: '#/review' }, '← Review queue'))
        : el('p', {}, el('a', { href: '#/conversations' }, '← Conversations')),
      el('h1', {}, cr.title),
      notice ? el('p', { class: 'status ok', role: 'status' }, notice) : null,
      el(
        'p',
        { class: 'cr-state' },
        'State: ',
        el('span', { class: `state state-${cr.state}` }, cr.state.replace('_', ' ')),
        ` · version ${cr.version} · revision ${cr.revision}`,
      ),
      el(
        'p',
        {},
        `Requested by ${cr.author.name} (${cr.channel}), ${IC.when(cr.createdAt)} · stack ${cr.stack.name} · team ${cr.stack.team || 'none'} · ${cr.stack.environment || 'no environment'}`,
      ),
      cr.description ? el('p', {}, cr.description) : null,
      IC.render.section(
        `Risk: ${cr.risk.level}`,
        cr.risk.reasons.length === 0
          ? el('p', { class: 'muted' }, 'No risk reasons.')
          : el(
              'ul',
              {},
              cr.risk.reasons.map((r) => el('li', {}, r.message)),
            ),
      ),
      IC.views.revisionComparison(cr),
      IC.render.diff(snap.diff),
      IC.render.findings(snap.findings, []),
      IC.render.cost(snap.cost),
      reviewable ? actions(cr, onChange) : null,
      IC.views.revisePanel(cr, me, onChange),
      approvals(cr),
      IC.render.components(snap.architecture),
      IC.render.template(snap.templateYaml),
      comments(cr, onChange),
      events(cr, me),
    );
  }

  IC.views = Object.assign(IC.views || {}, { queue, changeRequest });
})();
