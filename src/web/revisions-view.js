// Revisions of a change request: compare any two (what changed since the one a reviewer saw), and the
// author's revise path (submit the conversation's newest proposal as the next revision).
(() => {
  const IC = window.IC;
  const { el, field } = IC;

  /** "What changed": the previous revision against the current one by default; any two can be chosen. */
  function revisionComparison(cr) {
    if (cr.revisions.length < 2) return null;
    const options = cr.revisions.map((r) => [String(r.revision), `revision ${r.revision} (${r.createdBy}, ${IC.when(r.createdAt)})`]);
    const from = IC.select('from', options, String(cr.revision - 1));
    const to = IC.select('to', options, String(cr.revision));
    const result = el('div', { 'aria-live': 'polite' }, el('p', {}, 'Loading…'));
    const show = () => {
      IC.replace(result, el('p', {}, 'Loading…'));
      IC.api('GET', `/v1/change-requests/${cr.id}/revision-diff${IC.query({ from: from.value, to: to.value })}`).then(
        (rd) => IC.replace(result, IC.render.revisionDiff(rd)),
        (error) => IC.replace(result, IC.problemView(error)),
      );
    };
    const form = el('form', { class: 'filters', 'aria-label': 'Compare revisions' }, field('From', from), field('To', to), el('button', { type: 'submit', class: 'secondary' }, 'Compare'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      show();
    });
    show();
    return IC.render.section(`What changed in revision ${cr.revision}`, form, result);
  }

  /** The author's revise path: the conversation's newest proposal, when it is not this revision's already. */
  function revisePanel(cr, me, onChange) {
    if (!cr.allowedActions.includes('revise') || (me.id !== cr.author.id && !IC.hasRole(me, 'admin'))) return null;
    const holder = el('div', {}, el('p', { class: 'muted' }, 'Looking for a newer proposal…'));
    IC.api('GET', `/v1/conversations/${cr.conversationId}`).then(
      (conv) => {
        if (!conv.latestProposalId || conv.latestProposalId === cr.snapshot.proposalId) {
          IC.replace(
            holder,
            el('p', { class: 'muted' }, 'Change the proposal in ', el('a', { href: `#/conversations/${cr.conversationId}` }, 'its conversation'), ', then submit it here as the next revision.'),
          );
          return;
        }
        IC.replace(holder, reviseButton(cr, conv.latestProposalId, onChange));
      },
      (error) => IC.replace(holder, IC.problemView(error)),
    );
    return IC.render.section('Revise', holder);
  }

  function reviseButton(cr, proposalId, onChange) {
    const button = el('button', { type: 'button' }, `Submit the newest proposal as revision ${cr.revision + 1}`);
    const status = IC.statusArea();
    button.addEventListener('click', async () => {
      try {
        const updated = await IC.busy(button, 'Revising…', () =>
          IC.api('POST', `/v1/change-requests/${cr.id}/revisions`, { proposalId, expectedVersion: cr.version }),
        );
        onChange(updated, `Revision ${updated.revision} submitted: earlier approvals were dismissed.`);
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return el('div', {}, button, status);
  }

  IC.views = Object.assign(IC.views || {}, { revisionComparison, revisePanel, reviseButton });
})();
