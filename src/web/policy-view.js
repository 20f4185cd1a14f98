// Policy administration (policy admins): the policy in force as an editable draft that can be validated,
// dry-run against recent proposals and stack baselines, and saved; earlier versions to roll back to; and
// waivers, with their expiry, to create and revoke. Everyone else reads the policy.
(() => {
  const IC = window.IC;
  const { el, field } = IC;

  function issues(errors) {
    return el(
      'ul',
      { class: 'issues' },
      errors.map((e) => el('li', {}, `line ${e.line}, column ${e.column}${e.path ? ` (${e.path})` : ''}: ${e.message}`)),
    );
  }

  function dryRunReport(report) {
    const subjects = report.subjects.filter((s) => s.added.length + s.removed.length + s.changed.length > 0);
    return el(
      'div',
      { class: 'dry-run' },
      el(
        'p',
        {},
        `Checked ${report.subjectsChecked} proposal(s) and baseline(s): ${report.totals.added} finding(s) added, ${report.totals.removed} removed, ${report.totals.changed} changed.`,
      ),
      subjects.length === 0
        ? null
        : el(
            'ul',
            {},
            subjects.map((s) =>
              el(
                'li',
                {},
                el('strong', {}, s.subject.label || `${s.subject.type} ${s.subject.id.slice(0, 8)}`),
                el(
                  'ul',
                  { class: 'small' },
                  s.added.map((f) => el('li', {}, `+ ${f.severity} ${f.ruleId}: ${f.message}`)),
                  s.removed.map((f) => el('li', {}, `− ${f.severity} ${f.ruleId}: ${f.message}`)),
                  s.changed.map((c) => el('li', {}, `~ ${c.after.ruleId}: ${c.before.severity} → ${c.after.severity}`)),
                ),
              ),
            ),
          ),
    );
  }

  function editor(current, isAdmin, reload) {
    const text = el('textarea', { name: 'policy', rows: 18, spellcheck: 'false', class: 'code' });
    text.value = current.text;
    if (!isAdmin) text.readOnly = true;
    const message = el('input', { name: 'message', type: 'text', autocomplete: 'off' });
    const status = IC.statusArea();
    const result = el('div', { 'aria-live': 'polite' });
    const validate = el('button', { type: 'button', class: 'secondary' }, 'Validate');
    const dryRun = el('button', { type: 'button', class: 'secondary' }, 'Dry run');
    const save = el('button', { type: 'submit' }, 'Save as a new version');
    validate.addEventListener('click', async () => {
      try {
        const v = await IC.busy(validate, 'Validating…', () => IC.api('POST', '/v1/policies/validate', { text: text.value }));
        IC.replace(result, v.valid ? el('p', { class: 'status ok' }, 'The draft is valid.') : el('div', { class: 'warning-box' }, el('p', {}, `The draft has ${v.errors.length} error(s):`), issues(v.errors)));
      } catch (error) {
        IC.showError(status, error);
      }
    });
    dryRun.addEventListener('click', async () => {
      try {
        const report = await IC.busy(dryRun, 'Running…', () => IC.api('POST', '/v1/policies/dry-run', { text: text.value }));
        IC.replace(result, dryRunReport(report));
      } catch (error) {
        IC.showError(status, error);
      }
    });
    const form = el(
      'form',
      { class: 'panel', 'aria-labelledby': 'draft-heading' },
      el('h2', { id: 'draft-heading' }, isAdmin ? 'Draft' : 'Policy text'),
      field('Policy (YAML)', text),
      isAdmin ? field('Why it changes (saved with the version)', message) : null,
      isAdmin ? el('div', { class: 'buttons' }, validate, dryRun, save) : null,
      status,
      result,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!message.value.trim()) {
        IC.showError(status, new IC.ApiError({ title: 'Saving needs a message', detail: 'Say why the policy changes.' }, 0));
        message.focus();
        return;
      }
      try {
        const saved = await IC.busy(save, 'Saving…', () =>
          IC.api('PUT', '/v1/policies/current', { baseVersion: current.version, text: text.value, message: message.value.trim() }),
        );
        reload(`Saved version ${saved.version}.`);
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return form;
  }

  function versions(list, current, isAdmin, reload) {
    return IC.render.section(
      'Versions',
      el(
        'ul',
        { class: 'versions' },
        list.map((v) => {
          const item = el(
            'li',
            {},
            `Version ${v.version}${v.version === current.version ? ' (in force)' : ''}: ${v.message} · ${v.author?.name || ''} · ${IC.when(v.createdAt)}${v.restoredFrom ? ` · restored from ${v.restoredFrom}` : ''} `,
          );
          if (isAdmin && v.version !== current.version) {
            const back = el('button', { type: 'button', class: 'secondary small-button' }, `Roll back to version ${v.version}`);
            const status = IC.statusArea();
            back.addEventListener('click', async () => {
              try {
                const made = await IC.busy(back, 'Rolling back…', () =>
                  IC.api('POST', `/v1/policies/versions/${v.version}/rollback`, { baseVersion: current.version }),
                );
                reload(`Rolled back: version ${made.version} has the text of version ${v.version}.`);
              } catch (error) {
                IC.showError(status, error);
              }
            });
            item.append(back, status);
          }
          return item;
        }),
      ),
    );
  }

  function waiverForm(reload) {
    const rule = el('input', { name: 'ruleId', type: 'text', autocomplete: 'off', required: true });
    const team = el('input', { name: 'team', type: 'text', autocomplete: 'off' });
    const environment = IC.select('environment', [['', 'any'], ['dev', 'dev'], ['staging', 'staging'], ['prod', 'prod']], '');
    const component = el('input', { name: 'component', type: 'text', autocomplete: 'off' });
    const reason = el('textarea', { name: 'reason', rows: 2, required: true });
    const owner = el('input', { name: 'owner', type: 'text', autocomplete: 'off', required: true });
    const expires = el('input', { name: 'expires', type: 'date', required: true });
    const button = el('button', { type: 'submit' }, 'Create waiver');
    const status = IC.statusArea();
    const form = el(
      'form',
      { class: 'panel', 'aria-labelledby': 'waiver-heading' },
      el('h3', { id: 'waiver-heading' }, 'New waiver'),
      field('Rule id', rule),
      field('Team (scope)', team),
      field('Environment (scope)', environment),
      field('Component (scope)', component),
      field('Reason (at least 10 characters)', reason),
      field('Owner', owner),
      field('Expires on', expires, 'Required, and at most the policy’s waivers.maxDays away.'),
      button,
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const scope = {};
      if (team.value.trim()) scope.team = team.value.trim();
      if (environment.value) scope.environment = environment.value;
      if (component.value.trim()) scope.component = component.value.trim();
      const body = {
        ruleId: rule.value.trim(),
        scope,
        reason: reason.value.trim(),
        owner: owner.value.trim(),
        expiresAt: expires.value ? new Date(`${expires.value}T23:59:59Z`).toISOString() : '',
      };
      try {
        const created = await IC.busy(button, 'Creating…', () => IC.api('POST', '/v1/waivers', body));
        reload(`Waiver for ${created.ruleId} created; it expires ${IC.when(created.expiresAt)}.`);
      } catch (error) {
        IC.showError(status, error);
      }
    });
    return form;
  }

  function waivers(list, isAdmin, reload) {
    const scopeText = (scope) => Object.entries(scope).map(([k, v]) => `${k} ${v}`).join(', ') || 'everywhere';
    return IC.render.section(
      'Active waivers',
      list.length === 0
        ? el('p', { class: 'muted' }, 'No active waivers.')
        : el(
            'ul',
            { class: 'waivers' },
            list.map((w) => {
              const item = el('li', {}, el('code', {}, w.ruleId), ` · ${scopeText(w.scope)} · ${w.reason} · owner ${w.owner} · expires ${IC.when(w.expiresAt)} `);
              if (isAdmin) {
                const revoke = el('button', { type: 'button', class: 'secondary small-button' }, `Revoke waiver for ${w.ruleId}`);
                const status = IC.statusArea();
                revoke.addEventListener('click', async () => {
                  try {
                    await IC.busy(revoke, 'Revoking…', () => IC.api('POST', `/v1/waivers/${w.id}/revoke`, {}));
                    reload(`Waiver for ${w.ruleId} revoked.`);
                  } catch (error) {
                    IC.showError(status, error);
                  }
                });
                item.append(revoke, status);
              }
              return item;
            }),
          ),
      isAdmin ? waiverForm(reload) : null,
    );
  }

  async function policies(root, me, notice) {
    IC.replace(root, el('p', {}, 'Loading…'));
    const isAdmin = IC.hasRole(me, 'policy_admin');
    const canSeeWaivers = IC.hasRole(me, 'reviewer', 'policy_admin');
    const [current, list, active] = await Promise.all([
      IC.api('GET', '/v1/policies/current'),
      IC.api('GET', '/v1/policies/versions?limit=20'),
      canSeeWaivers ? IC.api('GET', '/v1/waivers?state=active') : Promise.resolve({ waivers: [] }),
    ]);
    const reload = (message) => policies(root, me, message).catch((error) => IC.replace(root, IC.problemView(error)));
    IC.replace(
      root,
      el('h1', {}, 'Guardrail policy'),
      notice ? el('p', { class: 'status ok', role: 'status' }, notice) : null,
      el('p', { class: 'muted' }, `Version ${current.version} in force: ${current.message} (${current.author?.name || 'unknown'}, ${IC.when(current.createdAt)})`),
      editor(current, isAdmin, reload),
      versions(list.versions, current, isAdmin, reload),
      canSeeWaivers ? waivers(active.waivers, isAdmin, reload) : null,
    );
  }

  IC.views = Object.assign(IC.views || {}, { policies });
})();
