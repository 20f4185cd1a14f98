// The page shell: sign-in, who is signed in, sign-out, and the hash routes to each view.
(() => {
  const IC = window.IC;
  const { el, field } = IC;
  const view = document.getElementById('view');
  const notice = document.getElementById('notice');
  let me = null;

  IC.hasRole = (user, ...roles) =>
    Boolean(user) && (user.roles.includes('admin') || roles.some((r) => user.roles.includes(r)));

  function showSignedIn() {
    const signedIn = me !== null;
    document.getElementById('nav').hidden = !signedIn;
    document.getElementById('who').hidden = !signedIn;
    document.getElementById('nav-conversations').hidden = !signedIn;
    document.getElementById('nav-review').hidden = !IC.hasRole(me, 'reviewer', 'policy_admin');
    document.getElementById('nav-policies').hidden = !signedIn;
    IC.replace(
      document.getElementById('who-text'),
      signedIn
        ? `Signed in as ${me.name} · ${me.roles.join(', ') || 'no roles'}${me.teams.length > 0 ? ` · team ${me.teams.join(', ')}` : ''}`
        : '',
    );
  }

  function signIn(error) {
    me = null;
    showSignedIn();
    const token = el('input', {
      name: 'token',
      type: 'password',
      autocomplete: 'off',
      required: true,
      spellcheck: 'false',
    });
    const button = el('button', { type: 'submit' }, 'Sign in');
    const status = IC.statusArea();
    const form = el(
      'form',
      { class: 'card sign-in', 'aria-labelledby': 'sign-in-heading' },
      el('h1', { id: 'sign-in-heading' }, 'Sign in'),
      field(
        'API token',
        token,
        'Paste a token an admin issued you. On a new install the admin token is in DATA_DIR/admin-token (./data/admin-token). It stays in this tab only.',
      ),
      button,
      status,
    );
    if (error) IC.showError(status, error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = token.value.trim();
      if (!value) return;
      IC.token.set(value);
      try {
        me = await IC.busy(button, 'Signing in…', () => IC.api('GET', '/v1/me'));
      } catch (failure) {
        if (failure.status !== 401) IC.showError(status, failure);
        return;
      }
      showSignedIn();
      if (!ROUTES.some(([pattern]) => pattern.test(location.hash))) history.replaceState(null, '', home());
      route();
    });
    IC.replace(notice);
    IC.replace(view, form);
    token.focus();
  }

  /** A 401 anywhere: forget the token and ask again, saying why. */
  IC.onUnauthorized = (error) => {
    if (IC.token.get() === null) return; // already signed out by an earlier answer
    IC.token.clear();
    const problem = error.problem || {};
    signIn(
      new IC.ApiError(
        {
          title: me ? 'Your session ended: sign in again' : 'That token was not accepted',
          detail: problem.detail || problem.title,
          requestId: problem.requestId,
        },
        401,
      ),
    );
  };

  function signOut() {
    IC.token.clear();
    me = null;
    history.replaceState(null, '', '#/');
    signIn();
    IC.replace(notice, el('p', { class: 'status ok' }, 'Signed out.'));
  }

  const home = () =>
    IC.hasRole(me, 'developer') || !IC.hasRole(me, 'reviewer', 'policy_admin')
      ? '#/conversations'
      : '#/review';

  const ROUTES = [
    [/^#\/conversations\/([0-9a-f-]{36})$/, (root, m) => IC.views.conversation(root, me, m[1])],
    [/^#\/conversations$/, (root) => IC.views.conversations(root, me)],
    [/^#\/change-requests\/([0-9a-f-]{36})$/, (root, m) => IC.views.changeRequest(root, me, m[1])],
    [/^#\/review$/, (root) => IC.views.queue(root, me)],
    [/^#\/policies$/, (root) => IC.views.policies(root, me)],
  ];

  /**
   * Shows the view of the current hash in a fresh container: a view still loading when the user moves on
   * writes into its own detached container, never over the new one.
   */
  async function route() {
    if (me === null) return signIn();
    IC.replace(notice);
    const hash = location.hash;
    for (const [pattern, show] of ROUTES) {
      const match = pattern.exec(hash);
      if (!match) continue;
      const root = el('div');
      IC.replace(view, root);
      try {
        await show(root, match);
      } catch (error) {
        if (error.status !== 401) IC.replace(root, IC.problemView(error));
      }
      return;
    }
    location.hash = home();
  }

  async function start() {
    document.getElementById('sign-out').addEventListener('click', signOut);
    window.addEventListener('hashchange', route);
    if (!IC.token.get()) return signIn();
    try {
      me = await IC.api('GET', '/v1/me');
    } catch (error) {
      if (error.status !== 401) IC.replace(view, IC.problemView(error));
      return;
    }
    showSignedIn();
    route();
  }

  start();
})();
