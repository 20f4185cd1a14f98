// Developer views: my conversations (start one), one conversation (send, undo, proposal, submit for review).
(() => {
  const IC = window.IC;
  const { el, field } = IC;

  const ENVIRONMENTS = [
    ['', 'Not set (say it in a message)'],
    ['dev', 'dev'],
    ['staging', 'staging'],
    ['prod', 'prod'],
  ];

  function startForm(me) {
    const team = el('input', { name: 'team', type: 'text', autocomplete: 'off', value: me.teams[0] || '' });
    const environment = IC.select('environment', ENVIRONMENTS, '');
    const title = el('input', { name: 'title', type: 'text', autocomplete: 'off' });
    const button = el('button', { type: 'submit' }, 'Start conversation');
    const status = IC.statusArea();
    const form = el(
      'form',
      { class: 'card', 'aria-labelledby': 'start-heading' },
      el('h2', { id: 'start-heading' }, 'Start a conversation'),
      field('Title (optional)', title),
      field('Team (optional)', team, 'Lower-case letters, digits and hyphens.'),
      field('Environment', environment),
      button,
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {};
      if (team.value.trim()) body.team = team.value.trim();
      if (environment.value) body.environment = environment.value;
      if (title.value.trim()) body.title = title.value.trim();
      try {
        const created = await IC.busy(button, 'Starting…', () => IC.api('POST', '/v1/conversations', body));
        location.hash = `#/conversations/${created.id}`;
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return form;
  }

  function changeRequestList(items, emptyText) {
    if (items.length === 0) return el('p', { class: 'muted' }, emptyText);
    return el(
      'ul',
      { class: 'cards' },
      items.map((cr) =>
        el(
          'li',
          { class: 'card' },
          el('h3', {}, el('a', { href: `#/change-requests/${cr.id}` }, cr.title)),
          el(
            'p',
            {},
            el('span', { class: `state state-${cr.state}` }, cr.state.replace('_', ' ')),
            ` · risk ${cr.risk.level} · approvals ${cr.approvals.have}/${cr.approvals.need}`,
          ),
          el(
            'p',
            { class: 'small' },
            `${cr.stackName} · team ${cr.team || 'none'} · by ${cr.authorName} · ${IC.age(cr.createdAt)}`,
          ),
          el('p', { class: 'small' }, cr.diffSummary),
          cr.dangerousChanges.length > 0
            ? el('p', { class: 'danger small' }, `Dangerous: ${cr.dangerousChanges.join('; ')}`)
            : null,
        ),
      ),
    );
  }

  async function conversations(root, me) {
    const list = el('div', {}, el('p', {}, 'Loading…'));
    const mine = el('div', {}, el('p', {}, 'Loading…'));
    IC.replace(
      root,
      el('h1', {}, 'Conversations'),
      IC.hasRole(me, 'developer') ? startForm(me) : null,
      el(
        'section',
        { 'aria-labelledby': 'list-heading' },
        el('h2', { id: 'list-heading' }, 'Conversations of you and your teams'),
        list,
      ),
      el(
        'section',
        { 'aria-labelledby': 'mine-heading' },
        el('h2', { id: 'mine-heading' }, 'My change requests'),
        mine,
      ),
    );
    IC.api('GET', '/v1/conversations?limit=50').then(
      (page) =>
        IC.replace(
          list,
          page.items.length === 0
            ? el('p', { class: 'muted' }, 'No conversations yet.')
            : el(
                'ul',
                { class: 'cards' },
                page.items.map((c) =>
                  el(
                    'li',
                    { class: 'card' },
                    el(
                      'h3',
                      {},
                      el(
                        'a',
                        { href: `#/conversations/${c.id}` },
                        c.title || `Conversation of ${IC.when(c.createdAt)}`,
                      ),
                    ),
                    el(
                      'p',
                      { class: 'small' },
                      `team ${c.team || 'none'} · ${c.environment || 'no environment'} · ${IC.count(c.architecture.components.length, 'component')} · ${IC.count(c.turnCount, 'turn')} · updated ${IC.age(c.updatedAt)}`,
                    ),
                  ),
                ),
              ),
        ),
      (error) => IC.replace(list, IC.problemView(error)),
    );
    IC.api('GET', '/v1/change-requests?mine=true&limit=50').then(
      (page) => IC.replace(mine, changeRequestList(page.items, 'No change requests yet.')),
      (error) => IC.replace(mine, IC.problemView(error)),
    );
  }

  function transcript(turns) {
    if (turns.length === 0) {
      return el(
        'p',
        { class: 'muted' },
        'Describe what you need, for example: "an HTTP API with a Lambda function and a DynamoDB table for team payments, prod".',
      );
    }
    return el(
      'ol',
      { class: 'transcript' },
      turns.map((t) =>
        el(
          'li',
          {},
          el('p', { class: 'you' }, el('span', { class: 'who-label' }, 'You: '), t.message),
          el('p', { class: 'reply' }, el('span', { class: 'who-label' }, 'Copilot: '), t.reply),
          t.questions.length > 0
            ? el(
                'ul',
                { class: 'questions' },
                t.questions.map((q) => el('li', {}, q)),
              )
            : null,
        ),
      ),
    );
  }

  function submitForm(proposal) {
    const title = el('input', { name: 'title', type: 'text', autocomplete: 'off' });
    const description = el('textarea', { name: 'description', rows: 3 });
    const button = el('button', { type: 'submit' }, 'Submit for review');
    const status = IC.statusArea();
    const form = el(
      'form',
      { class: 'panel', 'aria-labelledby': 'submit-heading' },
      el('h3', { id: 'submit-heading' }, 'Submit for review'),
      field('Title (optional)', title),
      field('Description (optional)', description),
      button,
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { proposalId: proposal.id };
      if (title.value.trim()) body.title = title.value.trim();
      if (description.value.trim()) body.description = description.value.trim();
      try {
        const cr = await IC.busy(button, 'Submitting…', () => IC.api('POST', '/v1/change-requests', body));
        IC.showOk(
          status,
          'Submitted: ',
          el('a', { href: `#/change-requests/${cr.id}` }, cr.title),
          ` (${cr.state}, risk ${cr.risk.level}).`,
        );
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return form;
  }

  const OPEN_STATES = 'open,changes_requested,approved,failed';

  /**
   * Submit, or revise: when this conversation already has an open change request, the proposal becomes its
   * next revision (a stack has one open request); otherwise a new request is opened.
   */
  function submitPanel(conversationId, proposal) {
    const holder = el('div', {}, el('p', { class: 'muted' }, 'Checking for an open change request…'));
    IC.api('GET', `/v1/change-requests${IC.query({ mine: 'true', status: OPEN_STATES, limit: 200 })}`).then(
      async (page) => {
        const open = page.items.find((cr) => cr.conversationId === conversationId);
        if (!open) return IC.replace(holder, submitForm(proposal));
        const link = el('a', { href: `#/change-requests/${open.id}` }, open.title);
        if (open.proposalId === proposal.id) {
          return IC.replace(holder, el('section', { class: 'panel' }, el('h3', {}, 'Submitted'), el('p', {}, 'This proposal is revision ', String(open.revision), ' of ', link, ` (${open.state.replace('_', ' ')}).`)));
        }
        const cr = await IC.api('GET', `/v1/change-requests/${open.id}`);
        const done = (updated, message) =>
          IC.replace(holder, el('section', { class: 'panel' }, el('h3', {}, 'Revised'), el('p', { class: 'status ok', role: 'status' }, message, ' ', el('a', { href: `#/change-requests/${updated.id}` }, updated.title))));
        IC.replace(
          holder,
          el(
            'section',
            { class: 'panel', 'aria-labelledby': 'revise-heading' },
            el('h3', { id: 'revise-heading' }, 'Revise the open change request'),
            el('p', {}, link, ` is ${open.state.replace('_', ' ')} at revision ${open.revision}.`),
            IC.views.reviseButton(cr, proposal.id, done),
          ),
        );
      },
      () => IC.replace(holder, submitForm(proposal)),
    );
    return holder;
  }

  function proposalView(conversationId, proposal) {
    const r = IC.render;
    return el(
      'section',
      { class: 'proposal', 'aria-labelledby': 'proposal-heading' },
      el('h2', { id: 'proposal-heading' }, 'Proposal'),
      r.components(proposal.architecture),
      r.cost(proposal.cost),
      r.findings(proposal.findings, proposal.fixesApplied),
      r.diff(proposal.diff),
      r.diagram(conversationId, proposal.id, proposal.architecture),
      r.template(proposal.templateYaml),
      submitPanel(conversationId, proposal),
    );
  }

  async function conversation(root, me, id) {
    IC.replace(root, el('p', {}, 'Loading…'));
    const conv = await IC.api('GET', `/v1/conversations/${encodeURIComponent(id)}`);
    const proposal = conv.latestProposalId
      ? await IC.api('GET', `/v1/conversations/${encodeURIComponent(id)}/proposals/${conv.latestProposalId}`)
      : null;

    const text = el('textarea', { name: 'text', rows: 3, required: true });
    const send = el('button', { type: 'submit' }, 'Send');
    const undo = el('button', { type: 'button', class: 'secondary', disabled: !conv.canUndo }, 'Undo');
    const redo = el('button', { type: 'button', class: 'secondary', disabled: !conv.canRedo }, 'Redo');
    const status = IC.statusArea();
    const composer = el(
      'form',
      { class: 'composer', 'aria-label': 'Send a message' },
      field('Message', text),
      el('div', { class: 'buttons' }, send, undo, redo),
      status,
    );
    const post = async (button, label, message) => {
      try {
        await IC.busy(button, label, () =>
          IC.api('POST', `/v1/conversations/${encodeURIComponent(id)}/messages`, { text: message }),
        );
      } catch (error) {
        IC.showError(status, error);
        return;
      }
      try {
        await conversation(root, me, id);
      } catch (error) {
        IC.replace(root, IC.problemView(error));
        return;
      }
      const again = root.querySelector('textarea[name="text"]');
      if (again) again.focus();
    };
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      post(send, 'Sending…', text.value);
    });
    undo.addEventListener('click', () => post(undo, 'Undoing…', 'undo'));
    redo.addEventListener('click', () => post(redo, 'Redoing…', 'redo'));

    IC.replace(
      root,
      el('p', {}, el('a', { href: '#/conversations' }, '← All conversations')),
      el('h1', {}, conv.title || 'Conversation'),
      el(
        'p',
        { class: 'muted' },
        `team ${conv.team || 'none'} · ${conv.architecture.environment || 'no environment'} · by ${conv.owner.name}`,
      ),
      transcript(conv.turns),
      IC.hasRole(me, 'developer') ? composer : null,
      proposal ? proposalView(id, proposal) : null,
    );
  }

  IC.views = Object.assign(IC.views || {}, { conversations, conversation, changeRequestList });
})();
