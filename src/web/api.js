// The JSON API client of the web page: bearer token from sessionStorage, problem+json errors as ApiError.
(() => {
  const IC = window.IC;
  const TOKEN_KEY = 'infra-copilot.token';

  class ApiError extends Error {
    constructor(problem, status) {
      super(problem.detail || problem.title || `HTTP ${status}`);
      this.name = 'ApiError';
      this.problem = problem;
      this.status = status;
    }
  }

  const token = {
    get: () => sessionStorage.getItem(TOKEN_KEY),
    set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
    clear: () => sessionStorage.removeItem(TOKEN_KEY),
  };

  function parse(text, type) {
    if (!type.includes('json') || text === '') return text;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  /**
   * Calls the API. Resolves with the parsed body; rejects with an ApiError that carries the problem document
   * (or one made up from the status when the body is not one). A 401 also tells the page (sign in again).
   */
  async function api(method, path, body) {
    const headers = { accept: 'application/json, application/problem+json' };
    const bearer = token.get();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(
        { title: 'Could not reach the server', detail: `${error?.message ? error.message : error}` },
        0,
      );
    }
    const data = parse(await response.text(), response.headers.get('content-type') || '');
    if (response.ok) return data;
    const problem =
      data && typeof data === 'object'
        ? data
        : {
            title: `${response.status} ${response.statusText}`.trim(),
            detail: String(data || '').slice(0, 500),
          };
    const error = new ApiError(problem, response.status);
    if (response.status === 401 && IC.onUnauthorized) IC.onUnauthorized(error);
    throw error;
  }

  /** A query string from an object, leaving out empty values. */
  function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  }

  Object.assign(IC, { api, query, token, ApiError });
})();
